package com.hongda.cms.common;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;

/**
 * Turns every exception a data fetcher throws into a classified GraphQL error with a message in
 * the caller's language. Input problems name the offending field in {@code extensions.field};
 * business rules name themselves in {@code extensions.rule}. Anything unexpected is logged with an
 * id that the client receives, and never leaks a stack trace or SQL.
 * Security exceptions are left to Spring's own resolver (UNAUTHORIZED / FORBIDDEN).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    private final MessageSource messages;

    public GraphQlErrors(MessageSource messages) {
        this.messages = messages;
        setThreadLocalContextAware(true);
    }

    @Override
    protected List<GraphQLError> resolveToMultipleErrors(Throwable ex, DataFetchingEnvironment env) {
        Locale locale = env.getLocale() != null ? env.getLocale() : Locale.SIMPLIFIED_CHINESE;
        if (ex instanceof DomainException e) {
            return List.of(error(env, e.type(), text(e.messageKey(), e.args(), locale), e.field(), e.rule()));
        }
        if (ex instanceof InvalidInputException e) {
            return e.problems().stream()
                    .map(p -> error(env, p.type(), text(p.messageKey(), p.args(), locale), p.field(), p.rule()))
                    .toList();
        }
        if (ex instanceof ConstraintViolationException e) {
            List<GraphQLError> errors = new ArrayList<>();
            for (ConstraintViolation<?> v : e.getConstraintViolations()) {
                String field = argumentPath(v.getPropertyPath().toString());
                errors.add(error(env, ErrorType.BAD_REQUEST,
                        text("error.invalidField", new Object[] {field, v.getMessage()}, locale), field,
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()));
            }
            return errors;
        }
        if (ex instanceof BindException e) {
            List<GraphQLError> errors = new ArrayList<>();
            for (FieldError fe : e.getFieldErrors()) {
                errors.add(error(env, ErrorType.BAD_REQUEST,
                        text("error.invalidValue", new Object[] {fe.getField()}, locale), fe.getField(), "TYPE"));
            }
            if (errors.isEmpty()) {
                errors.add(error(env, ErrorType.BAD_REQUEST, text("error.invalidValue", new Object[] {"input"}, locale), null, "TYPE"));
            }
            return errors;
        }
        if (ex instanceof OptimisticLockingFailureException || ex instanceof PessimisticLockingFailureException) {
            return List.of(error(env, ErrorType.CONFLICT, text("error.concurrentChange", null, locale), null, "CONCURRENT_CHANGE"));
        }
        if (ex instanceof DataIntegrityViolationException e) {
            log.info("Integrity violation refused as CONFLICT: {}", e.getMostSpecificCause().getMessage());
            return List.of(error(env, ErrorType.CONFLICT, text("error.integrity", null, locale), null, "INTEGRITY"));
        }
        if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
            return null;
        }
        String id = UUID.randomUUID().toString();
        log.error("Internal error {} in {}", id, env.getExecutionStepInfo().getPath(), ex);
        GraphQLError internal = GraphqlErrorBuilder.newError(env)
                .errorType(ErrorType.INTERNAL_ERROR)
                .message(text("error.internal", new Object[] {id}, locale))
                .extensions(Map.of("errorId", id))
                .build();
        return List.of(internal);
    }

    private GraphQLError error(DataFetchingEnvironment env, ErrorType type, String message, String field, String rule) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (field != null) {
            extensions.put("field", field);
        }
        if (rule != null) {
            extensions.put("rule", rule);
        }
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).extensions(extensions).build();
    }

    private String text(String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args, key, locale);
    }

    /** "createCustomer.input.name" (method validation path) becomes "input.name". */
    static String argumentPath(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
