package com.hongda.cms.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The step "Compute score by the scheme" (see {@link AssessmentSteps}). */
@Component("assessmentScore")
class ComputeAssessmentScore implements JavaDelegate {

    private final AssessmentSteps steps;

    ComputeAssessmentScore(AssessmentSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution context) {
        steps.score(context);
    }
}
