package com.hongda.cms.workflow.task;

import java.util.Map;
import org.camunda.bpm.engine.TaskService;
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

    private final TaskService tasks;
    private final TaskForms forms;

    TaskCompletion(TaskService tasks, TaskForms forms) {
        this.tasks = tasks;
        this.forms = forms;
    }

    public void complete(Task task, Map<String, Object> values) {
        complete(task.getId(), task.getProcessDefinitionId(), task.getTaskDefinitionKey(), values);
    }

    void complete(String taskId, String processDefinitionId, String step, Map<String, Object> values) {
        if (forms.perInstance(processDefinitionId, step)) {
            tasks.setVariablesLocal(taskId, values);
            tasks.complete(taskId);
        } else {
            tasks.complete(taskId, Variables.fromMap(values));
        }
    }
}
