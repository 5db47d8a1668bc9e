package com.hongda.cms.common;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLTypeUtil;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * The limits of {@link GraphQlLimitsProperties}, each enforced as early as it can be: the document's
 * length before parsing, its tokens while parsing, its top-level fields, aliases, depth and complexity after validation and
 * before any data fetcher runs (depth and complexity spare requests for the schema alone, see
 * {@link #introspectionOnly}). Every refusal is a BAD_REQUEST that names the limit in
 * {@code extensions.rule} (see {@link RequestErrors}).
 *
 * <p>Complexity estimates the size of the answer: a field counts 1 plus what it selects, and what
 * a list selects counts once per element it may return: {@code first}/{@code last} (or the default
 * page size) for a connection, {@code assumedListSize} for a list without paging arguments, 1 for
 * the {@code nodes}/{@code edges} of a connection, whose size the connection already counted.
 */
@Configuration(proxyBeanMethods = false)
public class QueryLimits {

    /** Set in the request's GraphQL context when the parser gave up at the token limit (see {@link RequestErrors}). */
    static final String TOKENS_EXCEEDED = "cms.tokensExceeded";

    /** A refusal by one of the limits, carried through graphql-java as the reason execution stopped. */
    static final class LimitExceeded extends AbortExecutionException {

        private final String rule;
        private final String messageKey;
        private final int actual;
        private final int limit;

        LimitExceeded(String rule, String messageKey, int actual, int limit) {
            super(rule + " " + actual + " > " + limit);
            this.rule = rule;
            this.messageKey = messageKey;
            this.actual = actual;
            this.limit = limit;
        }

        String rule() { return rule; }
        String messageKey() { return messageKey; }
        int actual() { return actual; }
        int limit() { return limit; }
    }

    @Bean
    @Order(1)
    MaxQueryDepthInstrumentation depthLimit(GraphQlLimitsProperties limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth()) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                return introspectionOnly(parameters) ? SimpleInstrumentationContext.noOp()
                        : super.beginExecuteOperation(parameters, state);
            }

            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return new LimitExceeded("MAX_DEPTH", "error.limit.depth", depth, maxDepth);
            }
        };
    }

    @Bean
    @Order(2)
    MaxQueryComplexityInstrumentation complexityLimit(GraphQlLimitsProperties limits, PagingProperties paging) {
        // No field counts more than this, so no sum graphql-java makes of at most maxTokens fields overflows an int.
        int cap = Integer.MAX_VALUE / limits.maxTokens();
        FieldComplexityCalculator calculator = (env, childComplexity) -> childComplexity < 0 ? cap
                : (int) Math.min(cap, 1L + (long) childComplexity * elements(env, paging.defaultSize(), limits.assumedListSize()));
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), calculator) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                return introspectionOnly(parameters) ? SimpleInstrumentationContext.noOp()
                        : super.beginExecuteOperation(parameters, state);
            }

            @Override
            protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
                return new LimitExceeded("MAX_COMPLEXITY", "error.limit.complexity", complexity, maxComplexity);
            }
        };
    }

    /**
     * Tells {@link RequestErrors} that a document failed to parse because of the token limit, which
     * graphql-java reports as an ordinary syntax error.
     */
    @Bean
    Instrumentation tokenLimitReport() {
        return new SimplePerformantInstrumentation() {
            @Override
            public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
                                                               InstrumentationState state) {
                GraphQLContext context = parameters.getGraphQLContext();
                return SimpleInstrumentationContext.whenCompleted((document, error) -> {
                    if (error instanceof ParseCancelledException) {
                        context.put(TOKENS_EXCEEDED, Boolean.TRUE);
                    }
                });
            }
        };
    }

    /**
     * Refuses an operation with more top-level fields or aliases than allowed: each of them is a
     * lookup of its own, and a thousand aliases of one cheap lookup stay under the complexity limit
     * while costing seconds. Checked first, before depth and complexity, as it is the cheapest.
     */
    @Bean
    @Order(0)
    Instrumentation shapeLimit(GraphQlLimitsProperties limits) {
        return new SimplePerformantInstrumentation() {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                if (!introspectionOnly(parameters)) {
                    ExecutionContext context = parameters.getExecutionContext();
                    SelectionSet root = context.getOperationDefinition().getSelectionSet();
                    Map<String, FragmentDefinition> fragments = context.getFragmentsByName();
                    Set<String> keys = new HashSet<>();
                    rootKeys(root, fragments, keys, new HashSet<>());
                    if (keys.size() > limits.maxRootFields()) {
                        throw new LimitExceeded("MAX_ROOT_FIELDS", "error.limit.rootFields", keys.size(), limits.maxRootFields());
                    }
                    long aliases = aliases(root, fragments, new HashMap<>());
                    if (aliases > limits.maxAliases()) {
                        throw new LimitExceeded("MAX_ALIASES", "error.limit.aliases",
                                (int) Math.min(aliases, Integer.MAX_VALUE), limits.maxAliases());
                    }
                }
                return SimpleInstrumentationContext.noOp();
            }
        };
    }

    /** The response keys (alias or name) of the top level, through inline fragments and spreads. */
    static void rootKeys(SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> keys, Set<String> spread) {
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field f) {
                keys.add(f.getResultKey());
            } else if (selection instanceof InlineFragment inline) {
                rootKeys(inline.getSelectionSet(), fragments, keys, spread);
            } else if (selection instanceof FragmentSpread s && spread.add(s.getName()) && fragments.containsKey(s.getName())) {
                rootKeys(fragments.get(s.getName()).getSelectionSet(), fragments, keys, spread);
            }
        }
    }

    /**
     * Aliased fields in a selection set, a fragment counted every time it is spread. Each fragment
     * is counted once and remembered, so fragments spreading fragments cannot make this slow.
     */
    static long aliases(SelectionSet set, Map<String, FragmentDefinition> fragments, Map<String, Long> perFragment) {
        if (set == null) {
            return 0;
        }
        long count = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field f) {
                count += (f.getAlias() != null ? 1 : 0) + aliases(f.getSelectionSet(), fragments, perFragment);
            } else if (selection instanceof InlineFragment inline) {
                count += aliases(inline.getSelectionSet(), fragments, perFragment);
            } else if (selection instanceof FragmentSpread s) {
                Long known = perFragment.get(s.getName());
                if (known == null) {
                    perFragment.put(s.getName(), 0L); // validation refuses cycles; this only guards against them
                    FragmentDefinition fragment = fragments.get(s.getName());
                    known = fragment == null ? 0 : aliases(fragment.getSelectionSet(), fragments, perFragment);
                    perFragment.put(s.getName(), known);
                }
                count += known;
            }
            count = Math.min(count, Integer.MAX_VALUE);
        }
        return count;
    }

    /**
     * Refuses an over-long document unparsed, and hands graphql-java's parser the token limit.
     * Runs for every request over HTTP.
     */
    @Bean
    WebGraphQlInterceptor documentLimits(GraphQlLimitsProperties limits) {
        ParserOptions parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(o -> o
                .maxCharacters(limits.maxCharacters())
                .maxTokens(limits.maxTokens()));
        return (request, chain) -> {
            String document = request.getDocument();
            if (document != null && document.length() > limits.maxCharacters()) {
                LimitExceeded refusal = new LimitExceeded("MAX_CHARACTERS", "error.limit.characters",
                        document.length(), limits.maxCharacters());
                // RequestErrors, outside this interceptor, turns the refusal into a classified error.
                return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(
                        request.toExecutionInput(), refusal.toExecutionResult())));
            }
            request.configureExecutionInput((input, builder) -> {
                input.getGraphQLContext().put(ParserOptions.class, parserOptions);
                return input;
            });
            return chain.next(request);
        };
    }

    /**
     * Whether the operation asks for nothing but the schema ({@code __schema}, {@code __type},
     * {@code __typename}). GraphiQL's schema query nests 15 levels and selects hundreds of fields;
     * graphql-java's good-faith introspection check (on by default) bounds such requests instead,
     * and the {@code mysql} profile turns introspection off altogether.
     */
    static boolean introspectionOnly(InstrumentationExecuteOperationParameters parameters) {
        OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
        return operation.getSelectionSet().getSelections().stream()
                .allMatch(s -> s instanceof Field f && f.getName().startsWith("__"));
    }

    /** How many elements the value of this field may hold, for the complexity estimate. */
    static int elements(FieldComplexityEnvironment env, int defaultPageSize, int assumedListSize) {
        GraphQLFieldDefinition field = env.getFieldDefinition();
        if (paged(field)) {
            Map<String, Object> args = env.getArguments();
            Object size = args.get("first") != null ? args.get("first") : args.get("last");
            return size instanceof Integer n ? Math.max(n, 1) : defaultPageSize;
        }
        if (!GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(field.getType()))) {
            return 1;
        }
        FieldComplexityEnvironment parent = env.getParentEnvironment();
        return parent != null && paged(parent.getFieldDefinition()) ? 1 : assumedListSize;
    }

    private static boolean paged(GraphQLFieldDefinition field) {
        return field.getArgument("first") != null || field.getArgument("last") != null;
    }
}
