package com.hongda.cms.common;

import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLTypeUtil;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * The limits of {@link GraphQlLimitsProperties}, each enforced as early as it can be: the document's
 * length before parsing, its tokens while parsing, its depth and complexity after validation and
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
