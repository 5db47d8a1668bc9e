package com.hongda.cms.promotion;

import com.hongda.cms.manager.Grade;
import com.hongda.cms.manager.GradeQuotas;

/**
 * The quota arithmetic of one target grade (docs/rules.md#promotion-quotas), shown as is to the
 * committee, HR and the auditor: the branch's graded managers, the grade's share and target, its
 * holders, those of them who must re-compete, those who leave it for other absence, and the places
 * the race for the grade fills. For SENIOR the target is the hard cap.
 */
public record Quota(Grade grade, int gradedCount, int sharePercent, int target, int holders, int recompeting,
                    int leavingGrade, int places, boolean hardCap) {

    /** Holders who keep the grade without a race. */
    public int staying() {
        return holders - recompeting - leavingGrade;
    }

    /** The quota of a target grade from the branch's targets and the reviews' counts. */
    static Quota of(Grade grade, GradeQuotas.Targets targets, int recompeting, int leavingGrade) {
        int target = targets.target(grade);
        int holders = targets.holders(grade);
        int places = Math.max(0, target - (holders - recompeting - leavingGrade));
        return new Quota(grade, targets.graded(), targets.sharePercent().get(grade), target, holders, recompeting, leavingGrade,
                places, grade == Grade.SENIOR);
    }
}
