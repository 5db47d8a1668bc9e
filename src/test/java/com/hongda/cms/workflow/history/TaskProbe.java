package com.hongda.cms.workflow.history;

import com.hongda.cms.workflow.Subject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Drives the test process {@code task-probe} through the engine as named users at chosen times, so
 * that its history holds known people, values and instants.
 */
@Component("historyTaskProbe")
class TaskProbe {

    static final String KEY = "task-probe";

    private final IdentityService identityService;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;

    TaskProbe(IdentityService identityService, RuntimeService runtime, TaskService tasks, ManagementService management) {
        this.identityService = identityService;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
    }

    /** A start instant with whole seconds, so that MySQL's second-precision columns keep it exactly. */
    static Instant wholeSeconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Runs {@code action} as {@code user} in {@code group}, with the engine's clock at {@code at}. */
    <T> T as(String user, String group, Instant at, Supplier<T> action) {
        ClockUtil.setCurrentTime(Date.from(at));
        identityService.setAuthentication(user, List.of(group));
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
            ClockUtil.reset();
        }
    }

    void as(String user, String group, Instant at, Runnable action) {
        as(user, group, at, () -> {
            action.run();
            return null;
        });
    }

    /** Starts an instance about {@code subject}, with the decision inputs and a due date three days on. */
    String start(String user, String group, Instant at, String businessKey, Subject subject) {
        Map<String, Object> variables = Variables.createVariables()
                .putValue(Subject.TYPE_VARIABLE, subject.type())
                .putValue(Subject.ID_VARIABLE, subject.id())
                .putValue("dueDate", Date.from(at.plus(Duration.ofDays(3))))
                .putValue("monthlyRevenue", 600000.0)
                .putValue("employees", 10)
                .putValue("industry", "OTHER");
        return as(user, group, at, () -> runtime.startProcessInstanceByKey(KEY, businessKey, variables).getId());
    }

    String reviewTask(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("review").singleResult().getId();
    }

    void claim(String user, String group, Instant at, String processInstanceId) {
        as(user, group, at, () -> tasks.claim(reviewTask(processInstanceId), user));
    }

    void complete(String user, String group, Instant at, String processInstanceId, String decision, long score) {
        as(user, group, at, () -> tasks.complete(reviewTask(processInstanceId), Variables.createVariables()
                .putValue("decision", decision).putValue("score", score)
                .putValue("remark", "checked").putValue("urgent", false)));
    }

    /** Fires the five-day reminder, as the job executor would (it is off in tests). */
    void fireReminder(Instant at, String processInstanceId) {
        Job timer = management.createJobQuery().processInstanceId(processInstanceId).timers().singleResult();
        ClockUtil.setCurrentTime(Date.from(at));
        try {
            management.executeJob(timer.getId());
        } finally {
            ClockUtil.reset();
        }
    }
}
