package com.hongda.cms.assessment;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The step that records a part (self-assessment, supervisor rating, performance figures, customer ratings, skills test) when its task completes (see {@link AssessmentSteps}). */
@Component("assessmentPart")
class RecordAssessmentPart implements TaskListener {

    private final AssessmentSteps steps;

    RecordAssessmentPart(AssessmentSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask context) {
        steps.part(context);
    }
}
