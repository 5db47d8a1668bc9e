package com.hongda.cms.common;

import com.hongda.cms.common.QueryLimits.LimitExceeded;
import graphql.ErrorClassification;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.InputMapDefinesTooManyFieldsException;
import graphql.execution.NonNullableValueCoercedAsNullException;
import graphql.language.SourceLocation;
import graphql.schema.CoercingParseValueException;
import graphql.validation.ValidationError;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Classifies the errors that arise outside data fetchers, so that a client only ever sees the six
 * classifications of {@link ErrorType} and the service's own rule codes (README "Errors"):
 * <ul>
 * <li>a document that does not parse: {@code SYNTAX}, with our own message naming the line and
 *     column; one past the parser's token limit: {@code MAX_TOKENS};</li>
 * <li>a document graphql-java's validation refuses: {@code INVALID_QUERY}, graphql-java's message and
 *     its precise {@code ValidationErrorType} in {@code extensions.validation}; an argument literal of
 *     the wrong type is {@code TYPE} and names the argument in {@code extensions.field};</li>
 * <li>a variable whose value does not fit its type: {@code TYPE} ({@code REQUIRED} for a missing
 *     value, {@code UNKNOWN_FIELD} for a field its input type lacks), naming the variable in
 *     {@code extensions.field};</li>
 * <li>a refusal by {@link QueryLimits}: the limit ({@code MAX_DEPTH}, ...) with {@code extensions.limit};</li>
 * <li>anything else unclassified: INTERNAL_ERROR, logged with the id the client receives.</li>
 * </ul>
 * Every message is in the caller's language, except graphql-java's own validation texts, which
 * have no Chinese translation. Errors of data fetchers arrive already classified by {@link GraphQlErrors}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestErrors implements WebGraphQlInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RequestErrors.class);

    private static final Set<String> CLASSIFIED =
            Arrays.stream(ErrorType.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    /** graphql-java's message for an argument literal of the wrong type names the argument's path so. */
    private static final Pattern ARGUMENT = Pattern.compile("argument '([_A-Za-z][_0-9A-Za-z.\\[\\]]*)'");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\s*([_A-Za-z][_0-9A-Za-z]*)");

    private final MessageSource messages;
    private final GraphQlLimitsProperties limits;

    public RequestErrors(MessageSource messages, GraphQlLimitsProperties limits) {
        this.messages = messages;
        this.limits = limits;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Locale locale = RequestLocale.resolve(request.getHeaders().getFirst("Accept-Language"));
        return chain.next(request).map(response -> classify(response, locale, request.getDocument()));
    }

    private WebGraphQlResponse classify(WebGraphQlResponse response, Locale locale, String document) {
        List<GraphQLError> errors = response.getExecutionResult().getErrors();
        if (errors.stream().allMatch(e -> CLASSIFIED.contains(classification(e)))) {
            return response;
        }
        GraphQLContext context = response.getExecutionInput().getGraphQLContext();
        List<GraphQLError> classified = errors.stream().map(e -> classify(e, locale, document, context)).toList();
        return response.transform(builder -> builder.errors(classified));
    }

    private GraphQLError classify(GraphQLError error, Locale locale, String document, GraphQLContext context) {
        String classification = classification(error);
        if (CLASSIFIED.contains(classification)) {
            return error;
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.remove("classification");
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().locations(error.getLocations()).path(error.getPath())
                .errorType(ErrorType.BAD_REQUEST).extensions(extensions);
        if (error instanceof LimitExceeded limit) {
            extensions.put("rule", limit.rule());
            extensions.put("limit", limit.limit());
            return builder.message(text(limit.messageKey(), locale, limit.actual(), limit.limit())).build();
        }
        if ("InvalidSyntax".equals(classification)) {
            if (Boolean.TRUE.equals(context.get(QueryLimits.TOKENS_EXCEEDED))) {
                extensions.put("rule", "MAX_TOKENS");
                extensions.put("limit", limits.maxTokens());
                return builder.message(text("error.limit.tokens", locale, limits.maxTokens())).build();
            }
            extensions.put("rule", "SYNTAX");
            SourceLocation at = first(error.getLocations());
            return builder.message(at == null ? text("error.syntax.somewhere", locale)
                    : text("error.syntax", locale, at.getLine(), at.getColumn())).build();
        }
        if (error instanceof CoercingParseValueException || error instanceof NonNullableValueCoercedAsNullException
                || error instanceof InputMapDefinesTooManyFieldsException) {
            String variable = variableAt(document, first(error.getLocations()));
            String rule = error instanceof NonNullableValueCoercedAsNullException ? "REQUIRED"
                    : error instanceof InputMapDefinesTooManyFieldsException ? "UNKNOWN_FIELD" : "TYPE";
            String key = switch (rule) {
                case "REQUIRED" -> "error.variable.required";
                case "UNKNOWN_FIELD" -> "error.variable.unknownField";
                default -> "error.variable.type";
            };
            if (variable != null) {
                extensions.put("field", variable);
            }
            extensions.put("rule", rule);
            return builder.message(text(key, locale, variable == null ? "" : "$" + variable)).build();
        }
        if (error instanceof ValidationError validation) {
            String type = String.valueOf(validation.getValidationErrorType());
            extensions.put("validation", type);
            Matcher argument = ARGUMENT.matcher(String.valueOf(error.getMessage()));
            if ("WrongType".equals(type) && argument.find()) {
                extensions.put("field", argument.group(1));
                extensions.put("rule", "TYPE");
                return builder.message(text("error.invalidValue", locale, argument.group(1))).build();
            }
            extensions.put("rule", "INVALID_QUERY");
            return builder.message(error.getMessage()).build();
        }
        switch (String.valueOf(classification)) {
            case "ValidationError", "OperationNotSupported", "ExecutionAborted" -> {
                extensions.put("rule", "INVALID_QUERY");
                return builder.message(error.getMessage()).build();
            }
            case "BadFaithIntrospection" -> {
                extensions.put("rule", "INTROSPECTION_LIMIT");
                return builder.message(text("error.introspection.tooLarge", locale)).build();
            }
            case "IntrospectionDisabled" -> {
                extensions.put("rule", "INTROSPECTION_DISABLED");
                return builder.message(text("error.introspection.disabled", locale)).build();
            }
            default -> {
                String id = UUID.randomUUID().toString();
                log.error("Internal error {}: {} ({})", id, error.getMessage(), classification);
                return GraphqlErrorBuilder.newError().locations(error.getLocations()).path(error.getPath())
                        .errorType(ErrorType.INTERNAL_ERROR).extensions(Map.of("errorId", id))
                        .message(text("error.internal", locale, id)).build();
            }
        }
    }

    /**
     * The name of the variable defined at this place of the document: graphql-java reports a bad
     * variable value at the variable's definition ({@code $id: ID!}).
     */
    static String variableAt(String document, SourceLocation at) {
        if (document == null || at == null || at.getLine() < 1 || at.getColumn() < 1) {
            return null;
        }
        int offset = 0;
        for (int line = 1; line < at.getLine(); line++) {
            int next = document.indexOf('\n', offset);
            if (next < 0) {
                return null;
            }
            offset = next + 1;
        }
        offset += at.getColumn() - 1;
        if (offset >= document.length()) {
            return null;
        }
        Matcher variable = VARIABLE.matcher(document);
        return variable.find(offset) && variable.start() == offset ? variable.group(1) : null;
    }

    private static SourceLocation first(List<SourceLocation> locations) {
        return locations == null || locations.isEmpty() ? null : locations.get(0);
    }

    private static String classification(GraphQLError error) {
        ErrorClassification type = error.getErrorType();
        return type == null ? null : String.valueOf(type.toSpecification(error));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
