package com.hongda.cms.workflow.task;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Reads one engine row by its primary key. The engine's query API (TaskQuery,
 * ProcessInstanceQuery) builds its SQL from a large dynamic template on every call, which costs
 * more than the task action itself; these run the engine's own by-id statements instead, inside
 * the caller's transaction, and see what it has written so far.
 */
@Component
class EngineLookups {

    private final CommandExecutor commands;

    EngineLookups(ProcessEngineConfigurationImpl engine) {
        this.commands = engine.getCommandExecutorTxRequired();
    }

    /** The task with this id, or null. */
    Task task(String taskId) {
        return commands.execute(context -> context.getTaskManager().findTaskById(taskId));
    }
}
