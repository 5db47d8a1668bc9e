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
        assertThat(p.length()).isEqualTo(Term.of(Period.ofMonths(3)));
        assertThat(p.extension()).isEqualTo(Term.of(Period.ofMonths(1)));
        assertThat(p.evaluationOpensBeforeEnd()).isEqualTo(Term.of(Period.ofDays(14)));
        assertThat(p.reminderBeforeEnd()).isEqualTo(Term.of(Period.ofDays(7)));
        assertThat(p.reminderPriority()).isEqualTo(80);
    }

    @Test
    void configuredTermsAreKeptAndNonsenseIsRefused() {
        ProbationProperties p = new ProbationProperties(Term.of(Period.ofMonths(2)), Term.of(Period.ofDays(20)), Term.of(Period.ofDays(10)),
                Term.of(Period.ofDays(3)), 95);
        assertThat(p.length()).isEqualTo(Term.of(Period.ofMonths(2)));
        assertThat(p.reminderPriority()).isEqualTo(95);
        assertThatThrownBy(() -> new ProbationProperties(Term.of(Period.ZERO), null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length");
        assertThatThrownBy(() -> new ProbationProperties(null, Term.of(Period.ofMonths(-1)), null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extension");
        assertThatThrownBy(() -> new ProbationProperties(null, null, null, Term.of(Period.ofDays(-1)), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reminder-before-end");
        assertThatThrownBy(() -> new ProbationProperties(null, null, null, null, 101))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reminder-priority");
    }

    @Test
    void aTermMayBeShorterThanADayForADemonstration() {
        ProbationPeriod p = ProbationPeriod.of(Instant.parse("2031-11-30T08:00:00Z"), Term.valueOf("PT10M"),
                Term.valueOf("PT4M"), Term.valueOf("PT2M"));
        assertThat(p.end()).isEqualTo(Instant.parse("2031-11-30T08:10:00Z"));
        assertThat(p.evaluationOpensAt()).isEqualTo(Instant.parse("2031-11-30T08:06:00Z"));
        assertThat(p.reminderAt()).isEqualTo(Instant.parse("2031-11-30T08:08:00Z"));
        assertThat(Term.valueOf("P3M").toString()).isEqualTo("P3M");
        assertThat(Term.valueOf("pt10m").toString()).isEqualTo("PT10M");
        assertThatThrownBy(() -> Term.valueOf("three months")).isInstanceOf(IllegalArgumentException.class);
        // As configuration binds it (e.g. CMS_PROBATION_LENGTH=PT10M).
        ProbationProperties bound = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                        java.util.Map.of("cms.probation.length", "PT10M", "cms.probation.extension", "P1M")))
                .bind("cms.probation", ProbationProperties.class).get();
        assertThat(bound.length().toString()).isEqualTo("PT10M");
        assertThat(bound.extension()).isEqualTo(Term.of(Period.ofMonths(1)));
    }

    @Test
    void periodsCountCalendarMonths() {
        // The test JVM runs in UTC (surefire argLine).
        ProbationPeriod p = ProbationPeriod.of(Instant.parse("2031-11-30T08:00:00Z"), Term.of(Period.ofMonths(3)),
                Term.of(Period.ofDays(14)), Term.of(Period.ofDays(7)));
        assertThat(p.end()).isEqualTo(Instant.parse("2032-02-29T08:00:00Z"));
        assertThat(p.evaluationOpensAt()).isEqualTo(Instant.parse("2032-02-15T08:00:00Z"));
        assertThat(p.reminderAt()).isEqualTo(Instant.parse("2032-02-22T08:00:00Z"));
    }
}
