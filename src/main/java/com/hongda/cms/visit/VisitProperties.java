package com.hongda.cms.visit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Visit settings (application.yml {@code cms.visit}); how often a tier is visited is the
 * {@code visit-frequency} table's.
 *
 * @param reminderCycle        the sweep's timer cycle (ISO 8601 repeating interval), read when the model is deployed
 * @param reminderWorkingDays  working days a reminder task is due in
 * @param reminderBatch        most reminders one sweep starts; the rest follow at the next
 */
@ConfigurationProperties("cms.visit")
public record VisitProperties(String reminderCycle, Integer reminderWorkingDays, Integer reminderBatch) {

    public VisitProperties {
        reminderCycle = reminderCycle == null || reminderCycle.isBlank() ? "R/PT24H" : reminderCycle.strip();
        reminderWorkingDays = reminderWorkingDays == null ? 5 : reminderWorkingDays;
        reminderBatch = reminderBatch == null ? 1000 : reminderBatch;
        if (!reminderCycle.startsWith("R") || reminderWorkingDays < 1 || reminderBatch < 1) {
            throw new IllegalArgumentException("cms.visit: reminder-cycle a repeating interval (R/PT24H), reminder-working-days and"
                    + " reminder-batch at least 1");
        }
    }
}
