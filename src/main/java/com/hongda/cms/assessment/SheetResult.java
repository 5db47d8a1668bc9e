package com.hongda.cms.assessment;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One manager's result as the results sheet shows it. Codes (grade, state, exclusion reason) are
 * written as their labels where the message source has {@code label.Grade.<code>},
 * {@code label.AssessmentResultState.<code>} or {@code label.AssessmentExclusion.<code>}, else as the code itself.
 * Any score, rank or indicator may be {@code null}: its cell stays blank.
 *
 * @param indicators the combined value per indicator (the breakdown); missing or {@code null} entries stay blank
 */
public record SheetResult(String employeeNo, String managerName, String branchName, String grade, String state,
        String exclusionReason, BigDecimal performanceScore, BigDecimal behaviourScore, BigDecimal abilityScore,
        BigDecimal totalScore, Integer rankInGroup, Integer groupSize, BigDecimal topPercent,
        Map<Indicator, BigDecimal> indicators) {

    public SheetResult {
        // EnumMap accepts null values, unlike Map.copyOf.
        EnumMap<Indicator, BigDecimal> copy = new EnumMap<>(Indicator.class);
        if (indicators != null) {
            copy.putAll(indicators);
        }
        indicators = Collections.unmodifiableMap(copy);
    }
}
