package com.hongda.cms.personnel;

import com.hongda.cms.manager.ManagerEffects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The step "Apply the decision" of a misconduct report: HR's outcome goes to the manager — demoted one
 * grade, suspended (待岗) or dismissed, with a MISCONDUCT_ reason — or nothing happens (NO_ACTION). A
 * refusal (a JUNIOR cannot go lower, the manager has left) refuses HR's completion.
 */
@Component("personnelMisconduct")
class ApplyMisconduct implements JavaDelegate {

    private final PersonnelSteps steps;
    private final ManagerEffects effects;

    ApplyMisconduct(PersonnelSteps steps, ManagerEffects effects) {
        this.steps = steps;
        this.effects = effects;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PersonnelCase c = steps.of(execution);
        PersonnelOutcome outcome = PersonnelOutcome.valueOf((String) execution.getVariable("misconductOutcome"));
        long manager = c.getManagerId();
        switch (outcome) {
            case DEMOTE -> effects.demote(manager, steps.decision(execution, outcome.reason(c.getKind())));
            case SUSPEND -> effects.suspend(manager, steps.decision(execution, outcome.reason(c.getKind())));
            case DISMISS -> effects.leave(manager, steps.decision(execution, outcome.reason(c.getKind())));
            default -> {
                // NO_ACTION: the case is closed, the manager stays as they are.
            }
        }
        steps.close(execution, c, PersonnelState.DECIDED, outcome);
    }
}
