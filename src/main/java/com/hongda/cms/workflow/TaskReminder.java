package com.hongda.cms.workflow;

import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Reminder step of any process ({@code camunda:delegateExpression="${taskReminder}"}): raises the open
 * tasks of the instance to a priority and gives them a follow-up date of now, so they climb every
 * approver's inbox; the tasks stay where they are. The model says how, as input parameters of the
 * step: {@code priority} (a number; a task already higher keeps its own) and {@code onlyOverdue}
 * (true: only tasks whose due date has passed; false or absent: every open task).
 */
@Component("taskReminder")
public class TaskReminder implements JavaDelegate {

    private final TaskService tasks;
    private final Clock clock;

    TaskReminder(TaskService tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object priority = execution.getVariableLocal("priority");
        if (!(priority instanceof Number)) {
            priority = execution.getVariable("priority");
        }
        if (!(priority instanceof Number p)) {
            throw new IllegalStateException("reminder step " + execution.getCurrentActivityId() + " declares no priority");
        }
        raise(execution.getProcessInstanceId(), p.intValue(), Boolean.TRUE.equals(execution.getVariableLocal("onlyOverdue")));
    }

    /**
     * Raises the instance's open tasks (only the overdue ones if asked) to {@code priority} and gives them
     * a follow-up date of now; returns them. Also for a family's own step that raises and does more (a
     * complaint's escalation adds who is notified).
     */
    /**
     * An escalation: the instance's open tasks raised to {@code priority} (as {@link #raise}) and the
     * notified people and groups added as their candidates, so the tasks appear in their inboxes too.
     */
    public java.util.List<Task> escalate(String processInstanceId, int priority, java.util.Collection<String> users,
                                         java.util.Collection<String> groups) {
        java.util.List<Task> open = raise(processInstanceId, priority, false);
        for (Task task : open) {
            users.forEach(u -> tasks.addCandidateUser(task.getId(), u));
            groups.forEach(g -> tasks.addCandidateGroup(task.getId(), g));
        }
        return open;
    }

    public java.util.List<Task> raise(String processInstanceId, int priority, boolean onlyOverdue) {
        Date now = Date.from(clock.instant());
        var query = tasks.createTaskQuery().processInstanceId(processInstanceId);
        java.util.List<Task> open = (onlyOverdue ? query.dueBefore(now) : query).list();
        for (Task task : open) {
            task.setPriority(Math.max(task.getPriority(), priority));
            task.setFollowUpDate(now);
            tasks.saveTask(task);
        }
        return open;
    }
}
