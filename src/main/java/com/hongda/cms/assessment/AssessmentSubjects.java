package com.hongda.cms.assessment;

import com.hongda.cms.workflow.NumericSubjects;
import org.springframework.stereotype.Component;

/** Resolves workflow subjects of type ASSESSMENT (one manager's result) and ROUND. */
final class AssessmentSubjects {

    private AssessmentSubjects() {
    }

    @Component
    static class Results extends NumericSubjects<AssessmentResult> {
        Results(AssessmentResultRepository results) {
            super(AssessmentBatch.CASE_SUBJECT, AssessmentResult.class, "AssessmentResult", results::findAllById, AssessmentResult::getId);
        }
    }

    @Component
    static class Rounds extends NumericSubjects<AssessmentRound> {
        Rounds(AssessmentRoundRepository rounds) {
            super(AssessmentRounds.ROUND_SUBJECT, AssessmentRound.class, "AssessmentRound", rounds::findAllById, AssessmentRound::getId);
        }
    }
}
