package com.hongda.cms.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The step "Rank and publish" (see {@link RoundPublication}). */
@Component("assessmentRoundPublish")
class PublishRound implements JavaDelegate {

    private final RoundPublication publication;

    PublishRound(RoundPublication publication) {
        this.publication = publication;
    }

    @Override
    public void execute(DelegateExecution context) {
        publication.publish(context);
    }
}
