package com.hongda.cms.probation;

import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.workflow.Subject;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/** Starts the probation of a newly hired trainee; called in the transaction that hired them. */
@Service
public class Probations {

    public static final String PROCESS_KEY = "probation";

    private final RuntimeService runtime;
    private final ProbationProperties terms;

    Probations(RuntimeService runtime, ProbationProperties terms) {
        this.runtime = runtime;
        this.terms = terms;
    }

    /**
     * Starts probation for the trainee. Business key {@code PROBATION-<managerId>}; variables:
     * the subject (MANAGER, id), {@code managerId}, {@code supervisorId}, {@code traineeUserId},
     * and the period computed from {@code cms.probation} at this moment (see {@link ProbationVariables}).
     *
     * @throws IllegalArgumentException if the manager is not a TRAINEE
     */
    public ProcessInstance start(CustomerManager trainee) {
        if (trainee.getGrade() != Grade.TRAINEE) {
            throw new IllegalArgumentException("probation is for trainees; manager " + trainee.getId() + " is " + trainee.getGrade());
        }
        // The engine's clock, not the domain clock: the timers compare against it, and tests move it.
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Map<String, Object> vars = Variables.createVariables()
                .putValue(ProbationVariables.MANAGER_ID, trainee.getId())
                .putValue(ProbationVariables.SUPERVISOR_ID, trainee.getSupervisorUserId())
                .putValue(ProbationVariables.TRAINEE_USER_ID, trainee.getUserId())
                .putValue(ProbationVariables.LENGTH, terms.length().toString())
                .putValue(ProbationVariables.EXTENSION, terms.extension().toString())
                .putValue(ProbationVariables.EVALUATION_OPENS_BEFORE_END, terms.evaluationOpensBeforeEnd().toString())
                .putValue(ProbationVariables.REMINDER_BEFORE_END, terms.reminderBeforeEnd().toString())
                .putValue(ProbationVariables.REMINDER_PRIORITY, terms.reminderPriority())
                .putValue(ProbationVariables.EXTENDED, false);
        vars.putAll(ProbationPeriod.of(now, terms.length(), terms.evaluationOpensBeforeEnd(), terms.reminderBeforeEnd()).variables());
        vars.putAll(new Subject(Subject.MANAGER, trainee.getId().toString()).variables());
        return runtime.startProcessInstanceByKey(PROCESS_KEY, "PROBATION-" + trainee.getId(), vars);
    }
}
