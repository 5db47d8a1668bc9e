package com.hongda.cms.probation;

import java.time.Instant;
import java.time.Period;
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

    static ProbationPeriod of(Instant start, Period length, Period evaluationOpensBeforeEnd, Period reminderBeforeEnd) {
        ZonedDateTime end = start.atZone(ZoneId.systemDefault()).plus(length);
        return new ProbationPeriod(start, end.toInstant(), end.minus(evaluationOpensBeforeEnd).toInstant(),
                end.minus(reminderBeforeEnd).toInstant());
    }

    Map<String, Object> variables() {
        return Variables.createVariables()
                .putValue(ProbationVariables.PERIOD_START, Date.from(start))
                .putValue(ProbationVariables.PERIOD_END, Date.from(end))
                .putValue(ProbationVariables.EVALUATION_OPENS_AT, Date.from(evaluationOpensAt))
                .putValue(ProbationVariables.REMINDER_AT, Date.from(reminderAt));
    }
}
