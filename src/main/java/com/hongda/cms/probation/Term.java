package com.hongda.cms.probation;

import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * A length of time in the terms of probation: a calendar period in ISO-8601 ({@code P3M}, {@code P14D};
 * months are calendar months) or, for demonstrations and tests, a duration shorter than a day
 * ({@code PT10M}, {@code PT2H}). Written back as the same text, so a running probation keeps it in
 * its variables.
 */
public record Term(Period period, Duration duration) {

    public Term {
        if ((period == null) == (duration == null)) {
            throw new IllegalArgumentException("a term is a period or a duration");
        }
    }

    public static Term of(Period period) {
        return new Term(period, null);
    }

    /** Parses {@code P…} (a period) or {@code PT…} (a duration); how configuration binds a term. */
    public static Term valueOf(String text) {
        String t = text == null ? "" : text.trim();
        try {
            return t.toUpperCase().startsWith("PT") ? new Term(null, Duration.parse(t)) : new Term(Period.parse(t), null);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 period (P3M, P14D) or duration (PT10M): " + text, e);
        }
    }

    ZonedDateTime after(ZonedDateTime t) {
        return period != null ? t.plus(period) : t.plus(duration);
    }

    ZonedDateTime before(ZonedDateTime t) {
        return period != null ? t.minus(period) : t.minus(duration);
    }

    boolean isNegative() {
        return period != null ? period.isNegative() : duration.isNegative();
    }

    boolean isZero() {
        return period != null ? period.isZero() : duration.isZero();
    }

    @Override
    public String toString() {
        return period != null ? period.toString() : duration.toString();
    }
}
