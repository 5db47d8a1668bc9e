package com.hongda.cms.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Marker;

/**
 * Turns the engine's log of a failure it retries into one WARN line without a stack trace, and its log
 * of a call a business rule refused (a {@code DomainException} thrown inside the engine, answered to
 * the client as classified) into one INFO line.
 *
 * <p>Two job executors on one database collide now and then: an {@link OptimisticLockingException}
 * (both touched the same row), or on MySQL/MariaDB a deadlock (SQLState 40001, error 1213) or a lock
 * wait timeout (error 1205). The engine rolls the transaction back and runs the job again — an
 * optimistic-locking failure without using up a retry, a deadlock as one of the job's retries — yet
 * its loggers ({@code org.camunda.bpm.engine.context} ENGINE-16004 at ERROR,
 * {@code org.camunda.bpm.engine.jobexecutor} ENGINE-14002/14006 at WARN, …) print the full stack trace
 * each time. Those events become one WARN line naming the logger's message and the cause; other
 * events pass unchanged, and a job out of retries is logged at ERROR by {@link FailedJobIncidentLogger}.
 * A request that meets such a failure is answered and, when it is not a CONFLICT, logged with its
 * error id by the service itself. Installed in {@code logback-spring.xml}.
 */
public class RetriedFailureLogFilter extends TurboFilter {

    static final String ENGINE_LOGGERS = "org.camunda.bpm.engine";

    /** MySQL/MariaDB: deadlock found when trying to get lock; lock wait timeout exceeded. */
    private static final Set<Integer> RETRYABLE_ERRORS = Set.of(1213, 1205);

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == null || !level.isGreaterOrEqual(Level.WARN) || !logger.getName().startsWith(ENGINE_LOGGERS)) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t != null ? t : lastThrowable(params);
        Throwable refusal = thrown == null ? null : refusal(thrown);
        if (refusal != null) {
            // A rule of the service refused the call inside the engine (a task listener, say): the
            // client gets the classified refusal; it is no failure of the engine.
            if (logger.isInfoEnabled()) {
                logger.info("{} [refused: {}] (a business rule refused the call; the client was told)", headline(format),
                        firstLine(refusal.getMessage()));
            }
            return FilterReply.DENY;
        }
        Throwable cause = thrown == null ? null : retryableCause(thrown);
        if (cause == null) {
            return FilterReply.NEUTRAL;
        }
        if (logger.isWarnEnabled()) {
            // Logged without a throwable, so this filter lets the line through.
            logger.warn("{} [{}: {}] (a concurrent change; the engine retries, no action needed unless an incident follows)",
                    headline(format), cause.getClass().getSimpleName(), firstLine(cause.getMessage()));
        }
        return FilterReply.DENY;
    }

    /** A refusal by one of the service's rules in {@code thrown}'s chain of causes, or null. */
    static Throwable refusal(Throwable thrown) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable c = thrown; c != null && seen.put(c, Boolean.TRUE) == null; c = c.getCause()) {
            if (c instanceof com.hongda.cms.common.DomainException) {
                return c;
            }
        }
        return null;
    }

    /** The failure the engine retries in {@code thrown}'s chain of causes, or null. */
    static Throwable retryableCause(Throwable thrown) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable c = thrown; c != null && seen.put(c, Boolean.TRUE) == null; c = c.getCause()) {
            if (c instanceof OptimisticLockingException) {
                return c;
            }
            if (c instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || RETRYABLE_ERRORS.contains(sql.getErrorCode()))) {
                return c;
            }
        }
        return null;
    }

    private static Throwable lastThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable th ? th : null;
    }

    /** The engine's message up to its first placeholder, e.g. "ENGINE-16004 Exception while closing command context:". */
    private static String headline(String format) {
        if (format == null) {
            return "";
        }
        int placeholder = format.indexOf("{}");
        return firstLine(placeholder < 0 ? format : format.substring(0, placeholder)).strip();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
