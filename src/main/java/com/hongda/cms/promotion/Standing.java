package com.hongda.cms.promotion;

import com.hongda.cms.manager.Grade;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One graded manager as a cycle sees them: the facts the eligibility table reads and what it decided.
 * The same for a preview (nothing stored) and an opening (stored as the manager's review).
 */
public record Standing(long managerId, String name, Grade grade, LocalDate gradeSince, int monthsInGrade, int workedDays,
                       BigDecimal annualScore, BigDecimal topPercent, boolean excusedLeave, boolean otherAbsence,
                       ReviewKind review, Grade targetGrade, String reason) {

    public boolean inRace() {
        return review == ReviewKind.PROMOTE || review == ReviewKind.RECOMPETE;
    }
}
