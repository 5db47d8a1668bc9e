package com.hongda.cms.probation;

import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.workflow.Subject;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/** Starts the probation of a newly hired trainee; called in the transaction that hired them. */
@Service
public class Probations {

    public static final String PROCESS_KEY = "probation";

    private final RuntimeService runtime;

    Probations(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /**
     * Starts probation for the trainee. Business key {@code PROBATION-<managerId>}; variables:
     * the subject (MANAGER, id), {@code managerId}, {@code supervisorId}, {@code traineeUserId}.
     */
    public ProcessInstance start(CustomerManager trainee) {
        Map<String, Object> vars = Variables.createVariables()
                .putValue("managerId", trainee.getId())
                .putValue("supervisorId", trainee.getSupervisorUserId())
                .putValue("traineeUserId", trainee.getUserId());
        vars.putAll(new Subject(Subject.MANAGER, trainee.getId().toString()).variables());
        return runtime.startProcessInstanceByKey(PROCESS_KEY, "PROBATION-" + trainee.getId(), vars);
    }
}
