package com.hongda.cms.probation;

import com.hongda.cms.manager.ManagerEffects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service step "Confirm as junior manager": the trainee passed, becomes JUNIOR and ACTIVE, with the
 * grade-history entry naming this process and who decided. Runs in the engine's transaction, so the
 * manager row and the process state commit together.
 */
@Component("probationConfirmation")
class ConfirmJunior implements JavaDelegate {

    static final String REASON = "PROBATION_PASSED";

    private final ManagerEffects managers;

    ConfirmJunior(ManagerEffects managers) {
        this.managers = managers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long managerId = ProbationVariables.managerId(execution);
        String decidedBy = (String) execution.getVariable(ProbationVariables.DECIDED_BY);
        managers.confirm(managerId, new ManagerEffects.Decision(REASON, execution.getProcessInstanceId(), decidedBy));
    }
}
