package com.hongda.cms.common;

import java.util.Objects;

/**
 * A refusal the client can act on. Carries a classification, a message key resolved in the
 * caller's language, the offending input field (if any) and the business rule broken (if any).
 * Thrown inside a transaction, it rolls back everything the request wrote.
 */
public class DomainException extends RuntimeException {

    private final ErrorType type;
    private final String messageKey;
    private final Object[] args;
    private final String field;
    private final String rule;

    public DomainException(ErrorType type, String messageKey, String field, String rule, Object... args) {
        super(messageKey);
        this.type = Objects.requireNonNull(type);
        this.messageKey = Objects.requireNonNull(messageKey);
        this.field = field;
        this.rule = rule;
        // Ids are Longs: as text, so that MessageFormat never prints them with digit grouping (987,654,321).
        this.args = args == null ? new Object[0]
                : java.util.Arrays.stream(args).map(a -> a instanceof Long ? a.toString() : a).toArray();
    }

    /**
     * @param what the kind of thing, e.g. {@code customer}; shown through the bundles' {@code noun.<what>}
     *             key in the caller's language
     */
    public static DomainException notFound(String field, String what, Object id) {
        return new DomainException(ErrorType.NOT_FOUND, "error.notFound", field, null,
                new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] {"noun." + what}, what), id);
    }

    public static DomainException badRequest(String field, String rule, String messageKey, Object... args) {
        return new DomainException(ErrorType.BAD_REQUEST, messageKey, field, rule, args);
    }

    public static DomainException conflict(String field, String rule, String messageKey, Object... args) {
        return new DomainException(ErrorType.CONFLICT, messageKey, field, rule, args);
    }

    /** The caller is no longer who they were when something long-lived began (a subscription): they must sign in again. */
    public static DomainException unauthorized(String field, String rule, String messageKey, Object... args) {
        return new DomainException(ErrorType.UNAUTHORIZED, messageKey, field, rule, args);
    }

    public static DomainException forbidden(String messageKey, Object... args) {
        return new DomainException(ErrorType.FORBIDDEN, messageKey, null, null, args);
    }

    /**
     * Renders messages outside a request: the text the engine stores when a step fails with this
     * exception (an incident's message), and log lines. Set once at start-up from the message bundles.
     */
    private static volatile java.util.function.BiFunction<String, Object[], String> texts;

    static void useTexts(java.util.function.BiFunction<String, Object[], String> renderer) {
        texts = renderer;
    }

    /** The message in the service's default language, not the bare message key. */
    @Override
    public String getMessage() {
        java.util.function.BiFunction<String, Object[], String> t = texts;
        return t == null ? messageKey : t.apply(messageKey, args);
    }

    public ErrorType type() { return type; }
    public String messageKey() { return messageKey; }
    public Object[] args() { return args.clone(); }
    public String field() { return field; }
    public String rule() { return rule; }
}
