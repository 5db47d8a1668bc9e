package com.hongda.cms.workflow;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Starts instances of the test-only {@code task-probe} process (a typed review form, HR and ADMIN candidates). */
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
}
