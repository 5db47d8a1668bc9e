package com.hongda.cms.personnel;

import com.hongda.cms.manager.ManagerEffects;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.manager.ManagerStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The step "Record the exit" of an exit review: whatever HR chose (counsel out, transfer, dismiss), the
 * manager leaves the sequence with the reason EXIT_COUNSELLED_OUT, EXIT_TRANSFERRED or EXIT_DISMISSED.
 * A manager who has left meanwhile by another decision keeps that one; the case records HR's choice.
 */
@Component("personnelExit")
class ApplyExit implements JavaDelegate {

    private final PersonnelSteps steps;
    private final ManagerEffects effects;
    private final ManagerService managers;

    ApplyExit(PersonnelSteps steps, ManagerEffects effects, ManagerService managers) {
        this.steps = steps;
        this.effects = effects;
        this.managers = managers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PersonnelCase c = steps.of(execution);
        PersonnelOutcome outcome = PersonnelOutcome.valueOf((String) execution.getVariable("exitOutcome"));
        String reason = outcome.reason(c.getKind());
        if (managers.get("managerId", c.getManagerId()).getStatus() != ManagerStatus.LEFT) {
            effects.leave(c.getManagerId(), steps.decision(execution, reason));
        }
        steps.close(execution, c, PersonnelState.DECIDED, outcome);
    }
}
