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
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;

/**
 * Turns every exception a data fetcher throws into a classified GraphQL error with a message in
 * the caller's language. Input problems name the offending field in {@code extensions.field};
 * business rules name themselves in {@code extensions.rule}. Anything unexpected is logged with an
 * id that the client receives, and never leaks a stack trace or SQL. Bean-validation constraints
 * are named by the service's rule codes ({@link #rule}); access denied is FORBIDDEN (UNAUTHORIZED
 * for a caller without login), in the caller's language like every other message.
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
    protected List<GraphQLError> resolveToMultipleErrors(Throwable thrown, DataFetchingEnvironment env) {
        Locale locale = env.getLocale() != null ? env.getLocale() : Locale.SIMPLIFIED_CHINESE;
        Throwable ex = domainCause(thrown);
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
                        text("error.invalidField", new Object[] {field, v.getMessage()}, locale), field, rule(v)));
            }
            return errors;
        }
        if (ex instanceof BindException e) {
            List<GraphQLError> errors = new ArrayList<>();
            for (FieldError fe : e.getFieldErrors()) {
                String field = bindingPath(env, fe.getField());
                errors.add(error(env, ErrorType.BAD_REQUEST,
                        text("error.invalidValue", new Object[] {field}, locale), field, "TYPE"));
            }
            if (errors.isEmpty()) {
                errors.add(error(env, ErrorType.BAD_REQUEST, text("error.invalidValue", new Object[] {"input"}, locale), null, "TYPE"));
            }
            return errors;
        }
        // The engine's own optimistic lock (two requests changing one process instance at once) is the same
        // refusal as the domain's: the caller tries again.
        if (ex instanceof OptimisticLockingFailureException || ex instanceof PessimisticLockingFailureException
                || ex instanceof org.camunda.bpm.engine.OptimisticLockingException) {
            return List.of(error(env, ErrorType.CONFLICT, text("error.concurrentChange", null, locale), null, "CONCURRENT_CHANGE"));
        }
        if (ex instanceof DataIntegrityViolationException e) {
            log.info("Integrity violation refused as CONFLICT: {}", e.getMostSpecificCause().getMessage());
            return List.of(error(env, ErrorType.CONFLICT, text("error.integrity", null, locale), null, "INTEGRITY"));
        }
        if (ex instanceof AuthenticationException || ex instanceof AccessDeniedException && anonymous()) {
            return List.of(error(env, ErrorType.UNAUTHORIZED, text("error.unauthenticated", null, locale), null, null));
        }
        if (ex instanceof AccessDeniedException) {
            return List.of(error(env, ErrorType.FORBIDDEN, text("error.forbidden", null, locale), null, null));
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

    /**
     * A rule refused inside the engine (a task listener or a synchronous step of the call) reaches here
     * wrapped in the engine's exceptions; the refusal is what the client must see, classified as
     * thrown. The engine's call failed as a whole, so nothing of it was written.
     */
    private static Throwable domainCause(Throwable thrown) {
        for (Throwable t = thrown; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof DomainException) {
                return t;
            }
        }
        return thrown;
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

    /**
     * The service's rule code for a bean-validation constraint, so that a client sees one vocabulary
     * whichever layer refused the value (README "Errors").
     */
    static String rule(ConstraintViolation<?> violation) {
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "REQUIRED";
            case "Size", "Length" -> belowMinimum(violation) ? "MIN_LENGTH" : "MAX_LENGTH";
            case "Min", "Max", "DecimalMin", "DecimalMax", "Positive", "PositiveOrZero", "Negative", "NegativeOrZero",
                 "Range" -> "RANGE";
            case "Digits", "Pattern", "Email" -> "FORMAT";
            case "Past", "PastOrPresent", "Future", "FutureOrPresent" -> "DATE_RANGE";
            default -> "INVALID";
        };
    }

    /** Whether a Size/Length violation is a value too short (or a list too small) rather than too long. */
    private static boolean belowMinimum(ConstraintViolation<?> violation) {
        Object min = violation.getConstraintDescriptor().getAttributes().get("min");
        Object value = violation.getInvalidValue();
        int length = value instanceof CharSequence text ? text.length()
                : value instanceof java.util.Collection<?> c ? c.size()
                : value instanceof Map<?, ?> m ? m.size()
                : value != null && value.getClass().isArray() ? java.lang.reflect.Array.getLength(value) : -1;
        return min instanceof Integer minimum && length >= 0 && length < minimum;
    }

    private static boolean anonymous() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated();
    }

    /**
     * The path of a value that could not be bound, from the argument's name. Spring for GraphQL names
     * the value relative to its argument ({@code contacts[0].phone}) and does not say which argument;
     * a field with a single argument ({@code input}) tells: {@code input.contacts[0].phone}.
     */
    static String bindingPath(DataFetchingEnvironment env, String field) {
        List<graphql.schema.GraphQLArgument> arguments = env.getFieldDefinition().getArguments();
        if (arguments.size() != 1 || field == null || field.isEmpty()) {
            return field;
        }
        String argument = arguments.get(0).getName();
        if (field.equals(argument) || field.startsWith(argument + ".") || field.startsWith(argument + "[")) {
            return field;
        }
        return field.startsWith("[") ? argument + field : argument + "." + field;
    }

    /** "createCustomer.input.name" (method validation path) becomes "input.name". */
    static String argumentPath(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
