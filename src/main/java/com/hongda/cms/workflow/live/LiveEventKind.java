package com.hongda.cms.workflow.live;

/** What changed: a task (created, updated — assignee, priority, due date or name —, completed, cancelled), an incident, a case's end. */
public enum LiveEventKind {
    TASK_CREATED, TASK_UPDATED, TASK_COMPLETED, TASK_CANCELLED, INCIDENT_CREATED, INCIDENT_RESOLVED, CASE_ENDED;

    boolean aboutTask() {
        return name().startsWith("TASK_");
    }
}
