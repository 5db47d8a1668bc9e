package com.hongda.cms.workflow;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Starts instances of the test-only processes: {@code task-probe} (a typed review form, HR and ADMIN
 * candidates) and {@code steps-probe} (several steps one after another, for what a completion answers).
 */
@Component
public class TaskProbe {

    private final RuntimeService runtime;

    TaskProbe(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public ProcessInstance start(String businessKey, Subject subject, Date due) {
        Map<String, Object> vars = Variables.createVariables()
                .putValue("dueDate", due)
                .putValue("monthlyRevenue", 650000.0)
                .putValue("employees", 50)
                .putValue("industry", "OTHER");
        vars.putAll(subject.variables());
        return runtime.startProcessInstanceByKey("task-probe", businessKey, vars);
    }

    /** A {@code steps-probe} waiting at HR's draft, with one watch task for each of {@code watchers} beside it. */
    public ProcessInstance startSteps(String businessKey, List<String> watchers) {
        return runtime.startProcessInstanceByKey("steps-probe", businessKey,
                Variables.createVariables().putValue("watchers", new ArrayList<>(watchers)));
    }
}
