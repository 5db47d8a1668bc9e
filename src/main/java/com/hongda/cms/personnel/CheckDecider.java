package com.hongda.cms.personnel;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The listener on every deciding task of a personnel case (on completion, before {@code recordDecider}):
 * the reporter, the proposer or an earlier approver may not decide (see {@link PersonnelSteps#decider}).
 */
@Component("personnelDecider")
class CheckDecider implements TaskListener {

    private final PersonnelSteps steps;

    CheckDecider(PersonnelSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        steps.decider(task);
    }
}
