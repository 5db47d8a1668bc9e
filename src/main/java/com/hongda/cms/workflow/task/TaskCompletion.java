package com.hongda.cms.workflow.task;

import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Completes a task with its (already validated, typed) values: the one way every family's tasks are
 * completed, by the inbox and by the process tests alike.
 *
 * <p>Where the values go depends on the step. A step that is one of several parallel instances (a
 * multi-instance activity: one task per judge of a panel) keeps its values on its own task, so judges
 * completing at the same moment never write the same process variable; the family's listener or
 * delegate reads them from the task (and the auditor's history shows them under that task). Any other
 * step writes its values to the process, where gateways, decision tables and later steps read them.
 */
@Component
public class TaskCompletion {

    private final TaskForms forms;
    private final CommandExecutor commands;

    TaskCompletion(TaskForms forms, ProcessEngineConfigurationImpl engine) {
        this.forms = forms;
        this.commands = engine.getCommandExecutorTxRequired();
    }

    public void complete(Task task, Map<String, Object> values) {
        complete(task.getId(), task.getProcessInstanceId(), task.getProcessDefinitionId(), task.getTaskDefinitionKey(), values, null);
    }

    /**
     * Claims the task for {@code claimFor} (unless null), keeps the values where the step wants them and completes it,
     * in one engine command: the engine reads the task, its execution and its definition once and writes everything
     * in one flush, where a claim and a completion as two calls read them twice and flush twice (eight statements
     * more on a recruitment step, README "Performance"). The claim and the completion are logged as two operations
     * in the user operation log, as two calls would log them. Returns whether the process instance ended.
     */
    boolean complete(String taskId, String processInstanceId, String processDefinitionId, String step, Map<String, Object> values,
                     String claimFor) {
        boolean perInstance = forms.perInstance(processDefinitionId, step);
        return commands.execute(context -> {
            // Read before the completion: the same object the completion ends, if it ends the process.
            ExecutionEntity instance = processInstanceId == null ? null : context.getExecutionManager().findExecutionById(processInstanceId);
            if (claimFor != null) {
                new ClaimTaskCmd(taskId, claimFor).execute(context);
            }
            if (perInstance) {
                new SetTaskVariablesCmd(taskId, values, true).execute(context);
                new CompleteTaskCmd(taskId, null).execute(context);
            } else {
                new CompleteTaskCmd(taskId, Variables.fromMap(values)).execute(context);
            }
            return instance != null && instance.isEnded();
        });
    }
}
