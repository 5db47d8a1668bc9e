package com.hongda.cms.workflow.task;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.task.Task;

/** A task as the API shows it: an immutable copy of the engine's task, detached from the engine. */
public record TaskView(String id, String name, String description, String step, String processDefinitionId,
                       String processInstanceId, Instant created, Instant due, Instant followUp, int priority,
                       String assignee) {

    static TaskView of(Task t) {
        return new TaskView(t.getId(), t.getName(), t.getDescription(), t.getTaskDefinitionKey(),
                t.getProcessDefinitionId(), t.getProcessInstanceId(), instant(t.getCreateTime()),
                instant(t.getDueDate()), instant(t.getFollowUpDate()), t.getPriority(), t.getAssignee());
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
