package com.hongda.cms.personnel;

import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.manager.GradeQuotas;
import com.hongda.cms.manager.ManagerEffects;
import com.hongda.cms.manager.ManagerService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The step "Promote" of an exceptional promotion, run in HR's approval: a SENIOR target is checked
 * against the branch's SENIOR cap (the branch row locked, so two approvals at once count one after the
 * other), then the manager is promoted with the reason EXCEPTIONAL_PROMOTION. A refusal (CONFLICT
 * SENIOR_CAP, or GRADE_ONE_STEP when the grade changed meanwhile) refuses HR's completion; HR may reject.
 */
@Component("personnelPromotion")
class PromoteExceptionally implements JavaDelegate {

    private final PersonnelSteps steps;
    private final ManagerEffects effects;
    private final ManagerService managers;
    private final GradeQuotas quotas;

    PromoteExceptionally(PersonnelSteps steps, ManagerEffects effects, ManagerService managers, GradeQuotas quotas) {
        this.steps = steps;
        this.effects = effects;
        this.managers = managers;
        this.quotas = quotas;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PersonnelCase c = steps.of(execution);
        CustomerManager m = managers.get("managerId", c.getManagerId());
        if (c.getTargetGrade() == Grade.SENIOR) {
            quotas.checkSeniorCap("input.taskId", m.getBranchId(), 1);
        }
        effects.promoteExceptionally(m.getId(), c.getTargetGrade(), steps.decision(execution, PersonnelOutcome.PROMOTE.reason(c.getKind())));
        steps.close(execution, c, PersonnelState.DECIDED, PersonnelOutcome.PROMOTE);
    }
}
