package com.hongda.cms.probation;

import com.hongda.cms.manager.ManagerEffects;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Service step "Extend probation": HR chose the one extension. HR decides after the period has
 * ended, so the extension runs the instance's extension length from that decision; the evaluation
 * and reminder dates follow the instance's terms. HR's decision is cleared, so the decision after the
 * second evaluation starts empty (the engine's own form handling would otherwise refuse the old value
 * EXTEND, which that form no longer offers); history keeps it. The manager row records the extension
 * as its status reason.
 */
@Component("probationExtension")
class ExtendProbation implements JavaDelegate {

    static final String REASON = "PROBATION_EXTENDED";

    private final ManagerEffects managers;
    private final Clock clock;

    ExtendProbation(ManagerEffects managers, Clock clock) {
        this.managers = managers;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = clock.instant();
        ProbationPeriod period = ProbationPeriod.of(now,
                period(execution, ProbationVariables.EXTENSION),
                period(execution, ProbationVariables.EVALUATION_OPENS_BEFORE_END),
                period(execution, ProbationVariables.REMINDER_BEFORE_END));
        // The period's start stays the original one: the extension prolongs the same probation.
        period.variables().forEach((name, value) -> {
            if (!name.equals(ProbationVariables.PERIOD_START)) {
                execution.setVariable(name, value);
            }
        });
        execution.setVariable(ProbationVariables.EXTENDED, true);
        execution.removeVariable(ProbationVariables.DECISION);
        execution.removeVariable(ProbationVariables.DECISION_REASON);
        long managerId = ProbationVariables.managerId(execution);
        String decidedBy = (String) execution.getVariable(ProbationVariables.DECIDED_BY);
        managers.extendProbation(managerId, new ManagerEffects.Decision(REASON, execution.getProcessInstanceId(), decidedBy));
    }

    private static Term period(DelegateExecution execution, String name) {
        return Term.valueOf((String) execution.getVariable(name));
    }
}
