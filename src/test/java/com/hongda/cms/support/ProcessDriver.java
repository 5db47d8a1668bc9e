package com.hongda.cms.support;

import com.hongda.cms.workflow.task.TaskCompletion;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Drives any family's process in tests, below the API: run the jobs that are due, move the one clock
 * (the engine's, which the domain reads too), and complete a step as a user the way the inbox does
 * (claimed, the engine told who acts, values where the step keeps them).
 */
@Component
public class ProcessDriver {

    private final EngineJobs jobs;
    private final TaskService tasks;
    private final IdentityService identity;
    private final TaskCompletion completion;

    ProcessDriver(EngineJobs jobs, TaskService tasks, IdentityService identity, TaskCompletion completion) {
        this.jobs = jobs;
        this.tasks = tasks;
        this.identity = identity;
        this.completion = completion;
    }

    /** Runs the instance's due jobs (async steps, and timers whose time has come), as the job executor would. */
    public void runJobs(String processInstanceId) {
        jobs.runDue(processInstanceId);
    }

    /** Moves the clock of the engine and the domain to {@code instant}; {@link #resetClock()} gives the real time back. */
    public static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    public static void resetClock() {
        ClockUtil.reset();
    }

    /** The single open task of {@code step} that {@code user} may work. */
    public Task task(String processInstanceId, String step, String user) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step)
                .or().taskAssignee(user).taskCandidateUser(user).taskUnassigned().endOr().list().stream()
                .filter(t -> t.getAssignee() == null || t.getAssignee().equals(user))
                .findFirst().orElseThrow(() -> new IllegalStateException("no task " + step + " for " + user));
    }

    /** Claims and completes the step as {@code user} with typed values; does not run the jobs that follow. */
    public void complete(String processInstanceId, String step, String user, Map<String, Object> values) {
        Task task = task(processInstanceId, step, user);
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList());
        try {
            tasks.claim(task.getId(), user);
            completion.complete(task, values);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The groups (roles) of a user. */
    public List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    }
}
