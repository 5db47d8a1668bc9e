package com.hongda.cms.probation;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The terms of probation (docs/rules.md#probation), prefix {@code cms.probation}. Companies set the
 * length differently (under 3 months, 2 months, 1 year), so every period is configuration; the
 * defaults are here rather than in a YAML file so that a deployment without the prefix still gets them.
 * A running probation keeps the terms it started with: they are copied into its process variables.
 *
 * <p>Each length is an ISO-8601 period ({@code P3M}) or, to watch a whole probation in a demonstration,
 * a duration shorter than a day ({@code PT10M}); see {@link Term}.
 *
 * @param length                   how long probation lasts from the start (default P3M)
 * @param extension                how much one extension adds after a failed evaluation (default P1M)
 * @param evaluationOpensBeforeEnd how long before the end the evaluation, self-summary and
 *                                 certification tasks open (default P14D)
 * @param reminderBeforeEnd        how long before the end the still-open tasks are reminded (default P7D)
 * @param reminderPriority         the priority (0–100) a reminded task is raised to (default 80)
 */
@ConfigurationProperties("cms.probation")
public record ProbationProperties(Term length, Term extension, Term evaluationOpensBeforeEnd,
                                  Term reminderBeforeEnd, Integer reminderPriority) {

    public static final Term DEFAULT_LENGTH = Term.of(Period.ofMonths(3));
    public static final Term DEFAULT_EXTENSION = Term.of(Period.ofMonths(1));
    public static final Term DEFAULT_EVALUATION_OPENS_BEFORE_END = Term.of(Period.ofDays(14));
    public static final Term DEFAULT_REMINDER_BEFORE_END = Term.of(Period.ofDays(7));
    public static final int DEFAULT_REMINDER_PRIORITY = 80;

    public ProbationProperties {
        length = positive("length", length == null ? DEFAULT_LENGTH : length);
        extension = positive("extension", extension == null ? DEFAULT_EXTENSION : extension);
        evaluationOpensBeforeEnd = notNegative("evaluation-opens-before-end",
                evaluationOpensBeforeEnd == null ? DEFAULT_EVALUATION_OPENS_BEFORE_END : evaluationOpensBeforeEnd);
        reminderBeforeEnd = notNegative("reminder-before-end",
                reminderBeforeEnd == null ? DEFAULT_REMINDER_BEFORE_END : reminderBeforeEnd);
        reminderPriority = reminderPriority == null ? DEFAULT_REMINDER_PRIORITY : reminderPriority;
        if (reminderPriority < 0 || reminderPriority > 100) {
            throw new IllegalArgumentException("cms.probation.reminder-priority must be 0–100, not " + reminderPriority);
        }
    }

    private static Term positive(String name, Term p) {
        if (p.isNegative() || p.isZero()) {
            throw new IllegalArgumentException("cms.probation." + name + " must be a positive period, not " + p);
        }
        return p;
    }

    private static Term notNegative(String name, Term p) {
        if (p.isNegative()) {
            throw new IllegalArgumentException("cms.probation." + name + " must not be negative, not " + p);
        }
        return p;
    }
}
