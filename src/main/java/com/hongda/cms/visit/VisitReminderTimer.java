package com.hongda.cms.visit;

import org.springframework.stereotype.Component;

/**
 * The sweep's timer cycle ({@code cms.visit.reminder-cycle}, default {@code R/PT24H}), the expression of the
 * timer start event of bpmn/visit-reminders.bpmn. The engine reads it when the model is deployed, so a new
 * cycle takes effect with the next deployment of the model. Public: the engine's expressions call public
 * methods of public classes only.
 */
@Component("visitReminderTimer")
public class VisitReminderTimer {

    private final VisitProperties properties;

    VisitReminderTimer(VisitProperties properties) {
        this.properties = properties;
    }

    public String cycle() {
        return properties.reminderCycle();
    }
}
