package com.hongda.cms.personnel;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The step "Record the rejection" of an exceptional promotion: the committee member or HR who rejected, and why. */
@Component("personnelRejection")
class RecordRejection implements JavaDelegate {

    private final PersonnelSteps steps;

    RecordRejection(PersonnelSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.close(execution, steps.of(execution), PersonnelState.REJECTED, null);
    }
}
