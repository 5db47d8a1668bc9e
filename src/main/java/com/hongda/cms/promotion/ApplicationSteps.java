package com.hongda.cms.promotion;

import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.Texts;
import com.hongda.cms.workflow.DecidedBy;
import java.math.BigDecimal;
import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the steps of one manager's application (bpmn/promotion-application.bpmn) do to their review,
 * in the engine's transaction with the task's completion: applied or declined, checked by the
 * committee, evaluated by the supervisor, or lapsed at the deadline.
 */
@Component
class ApplicationSteps {

    private final PromotionReviewRepository reviews;
    private final IdentityService identity;
    private final Clock clock;

    ApplicationSteps(PromotionReviewRepository reviews, IdentityService identity, Clock clock) {
        this.reviews = reviews;
        this.identity = identity;
        this.clock = clock;
    }

    /** "Apply or decline": the statement goes with an application. */
    @Transactional
    public void apply(DelegateTask task) {
        PromotionReview review = review(task.getExecution());
        if ("APPLY".equals(task.getVariable("applicationDecision"))) {
            review.applied(Texts.blankToNull((String) task.getVariable("statement")), clock.instant());
        } else {
            review.to(ReviewState.DECLINED, clock.instant());
        }
    }

    /** "Check the application": a rejection needs its reason. */
    @Transactional
    public void check(DelegateTask task) {
        boolean qualified = "QUALIFIED".equals(task.getVariable("qualification"));
        String reason = Texts.blankToNull((String) task.getVariable("rejectionReason"));
        if (!qualified && reason == null) {
            throw DomainException.badRequest("rejectionReason", "REQUIRED", "error.promotion.rejectionReason");
        }
        review(task.getExecution()).checked(DecidedBy.actor(identity, task), qualified, reason, clock.instant());
    }

    /** "Evaluate the candidate": the supervisor's score, 0-100. */
    @Transactional
    public void evaluate(DelegateTask task) {
        BigDecimal score = new BigDecimal(String.valueOf(task.getVariable("supervisorScore")));
        review(task.getExecution()).evaluated(score, DecidedBy.actor(identity, task), clock.instant());
    }

    /** The deadline passed before the manager answered. */
    @Transactional
    public void lapse(DelegateExecution execution) {
        review(execution).to(ReviewState.LAPSED, clock.instant());
    }

    private PromotionReview review(DelegateExecution execution) {
        long id = ((Number) execution.getVariable("reviewId")).longValue();
        return reviews.findById(id).orElseThrow(() -> new IllegalStateException("no promotion review " + id));
    }
}
