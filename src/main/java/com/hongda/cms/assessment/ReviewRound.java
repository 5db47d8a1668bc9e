package com.hongda.cms.assessment;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** HR's "Review and publish round" task completing: refused while results are open (see {@link RoundPublication}). */
@Component("assessmentRoundReview")
class ReviewRound implements TaskListener {

    private final RoundPublication publication;

    ReviewRound(RoundPublication publication) {
        this.publication = publication;
    }

    @Override
    public void notify(DelegateTask context) {
        publication.review(context);
    }
}
