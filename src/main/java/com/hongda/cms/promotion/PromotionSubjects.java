package com.hongda.cms.promotion;

import com.hongda.cms.workflow.NumericSubjects;
import org.springframework.stereotype.Component;

/** Resolves workflow subjects of type CYCLE (a promotion cycle) and REVIEW (one manager's review). */
final class PromotionSubjects {

    private PromotionSubjects() {
    }

    @Component
    static class Cycles extends NumericSubjects<PromotionCycle> {
        Cycles(PromotionCycleRepository cycles) {
            super(PromotionCycles.CYCLE_SUBJECT, PromotionCycle.class, "PromotionCycle", cycles::findAllById, PromotionCycle::getId);
        }
    }

    @Component
    static class Reviews extends NumericSubjects<PromotionReview> {
        Reviews(PromotionReviewRepository reviews) {
            super(CycleSteps.REVIEW_SUBJECT, PromotionReview.class, "PromotionReview", reviews::findAllById, PromotionReview::getId);
        }
    }
}
