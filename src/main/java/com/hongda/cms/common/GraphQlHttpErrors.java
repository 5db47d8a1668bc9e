package com.hongda.cms.common;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.webmvc.GraphQlRequestPredicates;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Requests to the GraphQL endpoint that are not GraphQL requests are answered as GraphQL errors
 * (BAD_REQUEST, {@code extensions.rule}), with the status codes of the GraphQL-over-HTTP
 * specification, instead of Spring's error page or an empty body:
 * <ul>
 * <li>a body that is not a JSON object with a string {@code query} (malformed JSON, a batch array,
 *     variables that are not an object): 400, {@code INVALID_REQUEST};</li>
 * <li>a body of another media type than JSON: 415, {@code UNSUPPORTED_MEDIA_TYPE};</li>
 * <li>an {@code Accept} header without JSON or the GraphQL response type: 406, {@code NOT_ACCEPTABLE};</li>
 * <li>any method but POST: 405 with {@code Allow: POST}, {@code METHOD_NOT_ALLOWED}.</li>
 * </ul>
 * Everything else is left to Spring for GraphQL's own routes.
 */
@Configuration(proxyBeanMethods = false)
public class GraphQlHttpErrors {

    private static final Set<MediaType> REQUEST_TYPES =
            Set.of(MediaType.APPLICATION_JSON, MediaType.parseMediaType("application/graphql+json"));

    /** Ahead of Spring Boot's GraphQL routes (order 0), answering only what they would refuse. */
    @Bean
    @Order(-1)
    RouterFunction<ServerResponse> graphQlRefusals(@Value("${spring.graphql.http.path:/graphql}") String path,
                                                   HttpErrors errors) {
        RequestPredicate graphQl = GraphQlRequestPredicates.graphQlHttp(path).or(GraphQlRequestPredicates.graphQlSse(path));
        RequestPredicate otherMethod = request -> !HttpMethod.POST.equals(request.method())
                && !HttpMethod.OPTIONS.equals(request.method());
        return RouterFunctions.route()
                .POST(path, request -> !graphQl.test(request), request -> jsonBody(request)
                        ? refuse(request, errors, HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "error.request.notAcceptable")
                        : refuse(request, errors, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                                "error.request.mediaType"))
                .route(RequestPredicates.path(path).and(otherMethod), request ->
                        refuse(request, errors, HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "error.request.method"))
                .build();
    }

    /**
     * A body Spring for GraphQL could not read as a GraphQL request: thrown by its handler, caught
     * here before Spring's error page would answer.
     */
    @Bean
    HandlerExceptionResolver graphQlBodyErrors(@Value("${spring.graphql.http.path:/graphql}") String path,
                                               HttpErrors errors) {
        return new BodyErrors(path, errors);
    }

    private static boolean jsonBody(ServerRequest request) {
        MediaType type = request.headers().contentType().orElse(null);
        return type != null && REQUEST_TYPES.stream().anyMatch(type::equalsTypeAndSubtype);
    }

    private static ServerResponse refuse(ServerRequest request, HttpErrors errors, HttpStatus status, String rule,
                                         String messageKey) {
        ServerResponse.BodyBuilder response = ServerResponse.status(status)
                .contentType(HttpErrors.contentType(request.headers().firstHeader("Accept")));
        if (status == HttpStatus.METHOD_NOT_ALLOWED) {
            response.allow(HttpMethod.POST);
        }
        if (status == HttpStatus.UNSUPPORTED_MEDIA_TYPE) {
            response.header("Accept", MediaType.APPLICATION_JSON_VALUE);
        }
        return response.body(errors.body(request.headers().firstHeader("Accept-Language"), ErrorType.BAD_REQUEST, rule,
                messageKey));
    }

    private record BodyErrors(String path, HttpErrors errors) implements HandlerExceptionResolver, Ordered {

        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                             Exception ex) {
            if (!path.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
                return null;
            }
            try {
                if (ex instanceof HttpMediaTypeNotSupportedException || ex instanceof UnsupportedMediaTypeStatusException) {
                    response.setHeader("Accept", MediaType.APPLICATION_JSON_VALUE);
                    errors.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE.value(), ErrorType.BAD_REQUEST,
                            "UNSUPPORTED_MEDIA_TYPE", "error.request.mediaType");
                } else if (ex instanceof HttpMessageConversionException
                        || ex instanceof ResponseStatusException rse && rse.getStatusCode().is4xxClientError()) {
                    errors.write(request, response, HttpStatus.BAD_REQUEST.value(), ErrorType.BAD_REQUEST,
                            "INVALID_REQUEST", "error.request.invalid");
                } else {
                    return null;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new ModelAndView();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
