package com.hongda.cms.probation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The dates of one probation period, written as the process variables its timers and due dates
 * read. Months are calendar months in the server's time zone (3 months from 31 January end on
 * 30 April).
 */
record ProbationPeriod(Instant start, Instant end, Instant evaluationOpensAt, Instant reminderAt) {

    static ProbationPeriod of(Instant start, Term length, Term evaluationOpensBeforeEnd, Term reminderBeforeEnd) {
        ZonedDateTime end = length.after(start.atZone(ZoneId.systemDefault()));
        return new ProbationPeriod(start, end.toInstant(), evaluationOpensBeforeEnd.before(end).toInstant(),
                reminderBeforeEnd.before(end).toInstant());
    }

    Map<String, Object> variables() {
        return Variables.createVariables()
                .putValue(ProbationVariables.PERIOD_START, Date.from(start))
                .putValue(ProbationVariables.PERIOD_END, Date.from(end))
                .putValue(ProbationVariables.EVALUATION_OPENS_AT, Date.from(evaluationOpensAt))
                .putValue(ProbationVariables.REMINDER_AT, Date.from(reminderAt));
    }
}
