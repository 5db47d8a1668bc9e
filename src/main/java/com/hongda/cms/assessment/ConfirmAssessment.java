package com.hongda.cms.assessment;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The supervisor's "Confirm result" task completing (see {@link AssessmentSteps}). */
@Component("assessmentConfirm")
class ConfirmAssessment implements TaskListener {

    private final AssessmentSteps steps;

    ConfirmAssessment(AssessmentSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask context) {
        steps.confirm(context);
    }
}
