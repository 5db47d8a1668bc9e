package com.hongda.cms.probation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** The terms of probation: defaults when nothing is configured, refusals of nonsense, calendar months. */
class ProbationPropertiesTest {

    @Test
    void defaultsApplyWhenNothingIsConfigured() {
        ProbationProperties p = new ProbationProperties(null, null, null, null, null);
        assertThat(p.length()).isEqualTo(Period.ofMonths(3));
        assertThat(p.extension()).isEqualTo(Period.ofMonths(1));
        assertThat(p.evaluationOpensBeforeEnd()).isEqualTo(Period.ofDays(14));
        assertThat(p.reminderBeforeEnd()).isEqualTo(Period.ofDays(7));
        assertThat(p.reminderPriority()).isEqualTo(80);
    }

    @Test
    void configuredTermsAreKeptAndNonsenseIsRefused() {
        ProbationProperties p = new ProbationProperties(Period.ofMonths(2), Period.ofDays(20), Period.ofDays(10),
                Period.ofDays(3), 95);
        assertThat(p.length()).isEqualTo(Period.ofMonths(2));
        assertThat(p.reminderPriority()).isEqualTo(95);
        assertThatThrownBy(() -> new ProbationProperties(Period.ZERO, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length");
        assertThatThrownBy(() -> new ProbationProperties(null, Period.ofMonths(-1), null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extension");
        assertThatThrownBy(() -> new ProbationProperties(null, null, null, Period.ofDays(-1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reminder-before-end");
        assertThatThrownBy(() -> new ProbationProperties(null, null, null, null, 101))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reminder-priority");
    }

    @Test
    void periodsCountCalendarMonths() {
        // The test JVM runs in UTC (surefire argLine).
        ProbationPeriod p = ProbationPeriod.of(Instant.parse("2031-11-30T08:00:00Z"), Period.ofMonths(3),
                Period.ofDays(14), Period.ofDays(7));
        assertThat(p.end()).isEqualTo(Instant.parse("2032-02-29T08:00:00Z"));
        assertThat(p.evaluationOpensAt()).isEqualTo(Instant.parse("2032-02-15T08:00:00Z"));
        assertThat(p.reminderAt()).isEqualTo(Instant.parse("2032-02-22T08:00:00Z"));
    }
}
