package com.hongda.cms.probation;

import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.manager.TraineeAppointed;
import com.hongda.cms.workflow.CaseStarter;
import com.hongda.cms.workflow.Subject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Starts the probation of a newly appointed trainee, in the transaction that appointed them: whoever
 * appoints a trainee (today the recruitment review) announces it, and probation follows.
 */
@Service
public class Probations {

    public static final String PROCESS_KEY = "probation";

    private final CaseStarter starter;
    private final ProbationProperties terms;
    private final Clock clock;

    Probations(CaseStarter starter, ProbationProperties terms, Clock clock) {
        this.starter = starter;
        this.terms = terms;
        this.clock = clock;
    }

    /** A trainee was appointed: their probation starts, in the same transaction (a synchronous listener). */
    @EventListener
    void on(TraineeAppointed appointed) {
        start(appointed.trainee());
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
        Instant now = clock.instant();
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
        return starter.start(PROCESS_KEY, "PROBATION", new Subject(Subject.MANAGER, trainee.getId().toString()), vars);
    }
}
