package com.hongda.cms.visit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The beans bpmn/visit-reminders.bpmn names (the delegate convention); the work is in {@link VisitSchedules}. */
final class VisitStepBeans {

    private VisitStepBeans() {
    }

    /** "Remind overdue customers": one visit-reminder per overdue customer and due date. */
    @Component("visitReminderSweep")
    static class Sweep implements JavaDelegate {
        private final VisitSchedules schedules;
        Sweep(VisitSchedules schedules) { this.schedules = schedules; }
        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable("reminded", schedules.remindOverdue());
        }
    }
}
