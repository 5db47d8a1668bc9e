package com.hongda.cms.common;

import com.hongda.cms.common.QueryLimits.LimitExceeded;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * classifications of {@link ErrorType}. graphql-java reports a bad document as {@code InvalidSyntax},
 * {@code ValidationError} and the like; they become BAD_REQUEST, keep their message and name the
 * original classification in {@code extensions.rule}. A refusal by {@link QueryLimits} becomes a
 * BAD_REQUEST in the caller's language naming the limit ({@code MAX_DEPTH}, ...). Anything else
 * unclassified is an INTERNAL_ERROR, logged with the id the client receives.
 * Errors of data fetchers arrive already classified by {@link GraphQlErrors}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestErrors implements WebGraphQlInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RequestErrors.class);

    private static final Set<String> CLASSIFIED =
            Arrays.stream(ErrorType.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    /** What graphql-java (and its introspection guards) call a request it will not run. */
    private static final Set<String> BAD_REQUESTS = Set.of("InvalidSyntax", "ValidationError",
            "OperationNotSupported", "ExecutionAborted", "BadFaithIntrospection", "IntrospectionDisabled");

    private final MessageSource messages;

    public RequestErrors(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Locale locale = RequestLocale.resolve(request.getHeaders().getFirst("Accept-Language"));
        return chain.next(request).map(response -> classify(response, locale));
    }

    private WebGraphQlResponse classify(WebGraphQlResponse response, Locale locale) {
        List<GraphQLError> errors = response.getExecutionResult().getErrors();
        if (errors.stream().allMatch(e -> CLASSIFIED.contains(classification(e)))) {
            return response;
        }
        List<GraphQLError> classified = errors.stream().map(e -> classify(e, locale)).toList();
        return response.transform(builder -> builder.errors(classified));
    }

    private GraphQLError classify(GraphQLError error, Locale locale) {
        String classification = classification(error);
        if (CLASSIFIED.contains(classification)) {
            return error;
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.remove("classification");
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().locations(error.getLocations()).path(error.getPath());
        if (error instanceof LimitExceeded limit) {
            extensions.put("rule", limit.rule());
            extensions.put("limit", limit.limit());
            return builder.errorType(ErrorType.BAD_REQUEST).extensions(extensions)
                    .message(text(limit.messageKey(), locale, limit.actual(), limit.limit())).build();
        }
        if (BAD_REQUESTS.contains(classification)) {
            extensions.put("rule", classification);
            return builder.errorType(ErrorType.BAD_REQUEST).extensions(extensions).message(error.getMessage()).build();
        }
        String id = UUID.randomUUID().toString();
        log.error("Internal error {}: {} ({})", id, error.getMessage(), classification);
        return builder.errorType(ErrorType.INTERNAL_ERROR).extensions(Map.of("errorId", id))
                .message(text("error.internal", locale, id)).build();
    }

    private static String classification(GraphQLError error) {
        ErrorClassification type = error.getErrorType();
        return type == null ? null : String.valueOf(type.toSpecification(error));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
