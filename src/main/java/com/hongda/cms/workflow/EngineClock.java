package com.hongda.cms.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of "now" for the domain and the engine: the {@link Clock} every module injects reads
 * the engine's clock, so a timestamp written by a delegate, a due date computed for a task and the
 * time a timer compares against never disagree — and a test that moves the engine's clock moves
 * everything. Only this class touches the engine's internal clock.
 */
@Configuration(proxyBeanMethods = false)
public class EngineClock {

    @Bean
    Clock clock() {
        return new Reading(ZoneOffset.UTC);
    }

    /** A clock that reads the engine's current time (the system time unless a test has set it). */
    static final class Reading extends Clock {

        private final ZoneId zone;

        Reading(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Reading(other);
        }

        @Override
        public Instant instant() {
            return ClockUtil.now().toInstant();
        }
    }
}
