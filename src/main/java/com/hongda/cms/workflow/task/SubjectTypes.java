package com.hongda.cms.workflow.task;

import com.hongda.cms.workflow.SubjectResolver;
import graphql.language.Type;
import graphql.language.UnionTypeDefinition;
import graphql.language.UnionTypeExtensionDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.TypeResolver;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The {@code Subject} union: its members come from the modules that own them ({@code extend union
 * Subject = Customer} in each module's schema), and GraphQL is told which member a resolved domain
 * object is.
 */
@Configuration(proxyBeanMethods = false)
class SubjectTypes {

    /**
     * graphql-java insists that a union's own definition names a member, while the workflow module,
     * which declares the union, knows none: the members of every {@code extend union Subject} are moved
     * into the definition before the schema is built.
     */
    @Bean
    GraphQlSourceBuilderCustomizer subjectUnionMembers() {
        return builder -> builder.configureTypeDefinitions(registry -> {
            UnionTypeDefinition union = registry.getType("Subject", UnionTypeDefinition.class).orElseThrow();
            List<UnionTypeExtensionDefinition> extensions = registry.unionTypeExtensions().getOrDefault("Subject", List.of());
            List<Type> members = new ArrayList<>(union.getMemberTypes());
            for (UnionTypeExtensionDefinition extension : List.copyOf(extensions)) {
                members.addAll(extension.getMemberTypes());
                registry.remove(extension);
            }
            registry.remove(union);
            registry.add(union.transform(b -> b.memberTypes(members)));
        });
    }

    @Bean
    RuntimeWiringConfigurer subjectUnion(List<SubjectResolver> resolvers) {
        TypeResolver typeResolver = env -> {
            Object o = env.getObject();
            for (SubjectResolver r : resolvers) {
                if (r.javaType().isInstance(o)) {
                    return (GraphQLObjectType) env.getSchema().getType(r.graphQlType());
                }
            }
            return null;
        };
        return wiring -> wiring.type("Subject", builder -> builder.typeResolver(typeResolver));
    }
}
