package com.hongda.cms.workflow;

import com.hongda.cms.common.RequestLocale;
import graphql.GraphQLContext;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeName;
import graphql.schema.DataFetcher;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.WiringFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The process fields of every GraphQL type that implements {@code Case}, wired once: a family adds
 * {@code type X implements Case} to its schema and lets its Java type implement {@link ProcessCase};
 * nothing else. The fields of all cases in a response are read together (one data loader per field,
 * keyed by process instance), so a page of cases costs the same few statements as one.
 */
@Component
class CaseFields implements RuntimeWiringConfigurer {

    static final String INTERFACE = "Case";
    private static final String STEPS = "caseSteps";
    private static final String INCIDENTS = "caseIncidents";
    private static final Set<String> FIELDS = Set.of("steps", "incidents", "currentSteps");

    CaseFields(CaseSteps steps, Incidents incidents, BatchLoaderRegistry loaders) {
        loaders.forTypePair(String.class, List.class).withName(STEPS).registerMappedBatchLoader((ids, env) ->
                Mono.fromCallable(() -> new HashMap<String, List>(steps.current(ids, locale(env.getContext())))));
        loaders.forTypePair(String.class, List.class).withName(INCIDENTS).registerMappedBatchLoader((ids, env) ->
                Mono.fromCallable(() -> new HashMap<String, List>(incidents.open(ids, locale(env.getContext())))));
    }

    @Override
    public void configure(RuntimeWiring.Builder builder) {
        // the fields are provided by the wiring factory below
    }

    @Override
    public void configure(RuntimeWiring.Builder builder, List<WiringFactory> container) {
        container.add(new WiringFactory() {
            @Override
            public boolean providesDataFetcher(FieldWiringEnvironment env) {
                return FIELDS.contains(env.getFieldDefinition().getName()) && isCase(env);
            }

            @Override
            public DataFetcher<?> getDataFetcher(FieldWiringEnvironment env) {
                return fetcher(env.getFieldDefinition().getName());
            }
        });
    }

    private static boolean isCase(FieldWiringEnvironment env) {
        return env.getParentType() instanceof ObjectTypeDefinition type
                && type.getImplements().stream().anyMatch(t -> t instanceof TypeName n && INTERFACE.equals(n.getName()));
    }

    private static DataFetcher<CompletableFuture<List<?>>> fetcher(String field) {
        return env -> {
            String pi = env.<ProcessCase>getSource().getProcessInstanceId();
            if (pi == null) {
                return CompletableFuture.completedFuture(List.of());
            }
            DataLoader<String, List<?>> loader = env.getDataLoader("incidents".equals(field) ? INCIDENTS : STEPS);
            CompletableFuture<List<?>> found = loader.load(pi).thenApply(l -> l == null ? List.of() : l);
            if (!"currentSteps".equals(field)) {
                return found;
            }
            // The names of the open tasks, as before steps existed.
            return found.thenApply(steps -> steps.stream().map(CaseStep.class::cast)
                    .filter(s -> s.kind() == CaseStep.Kind.TASK).map(CaseStep::name).toList());
        };
    }

    private static Locale locale(Object context) {
        return RequestLocale.of(context instanceof GraphQLContext c ? c : null);
    }
}
