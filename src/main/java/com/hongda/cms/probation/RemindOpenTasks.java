package com.hongda.cms.probation;

import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Service step "Remind open tasks": shortly before the period ends, every task of this probation
 * still open is raised to the reminder priority and gets today as its follow-up date, so it climbs
 * the approvers' inbox (sort by priority, or look at the follow-up date). The tasks stay where they are.
 */
@Component("probationReminder")
class RemindOpenTasks implements JavaDelegate {

    private final TaskService tasks;

    RemindOpenTasks(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int priority = ((Number) execution.getVariable(ProbationVariables.REMINDER_PRIORITY)).intValue();
        Date now = ClockUtil.getCurrentTime();
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
            task.setPriority(Math.max(task.getPriority(), priority));
            task.setFollowUpDate(now);
            tasks.saveTask(task);
        }
    }
}
