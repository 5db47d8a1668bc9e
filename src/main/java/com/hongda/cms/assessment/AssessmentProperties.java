package com.hongda.cms.assessment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The assessment settings that are not part of the scheme (application.yml {@code cms.assessment}):
 * how many assessments one job starts, the working days a part or a review may take before it is
 * raised as overdue, how long after publication a manager may object, and the skills test's pass mark
 * (a total below it opens an exit review when the round is published).
 */
@ConfigurationProperties("cms.assessment")
public record AssessmentProperties(Integer batchSize, Integer partWorkingDays, Integer reviewWorkingDays, Integer objectionDays,
                                   Pay pay, java.math.BigDecimal skillsPassScore) {

    /**
     * The pay report's terms (个人收入 = 基础工资 + 绩效工资 + 行为考核评分): the base pay of each grade, and the
     * performance pay at a total of 100, as a percentage of the base (scaled by the total score).
     */
    public record Pay(java.util.Map<com.hongda.cms.manager.Grade, java.math.BigDecimal> base, java.math.BigDecimal performanceSharePercent) {
        public Pay {
            base = base == null ? java.util.Map.of() : java.util.Map.copyOf(base);
            performanceSharePercent = performanceSharePercent == null ? java.math.BigDecimal.valueOf(40) : performanceSharePercent;
        }
    }

    public AssessmentProperties {
        batchSize = batchSize == null ? 100 : batchSize;
        partWorkingDays = partWorkingDays == null ? 5 : partWorkingDays;
        reviewWorkingDays = reviewWorkingDays == null ? 5 : reviewWorkingDays;
        objectionDays = objectionDays == null ? 10 : objectionDays;
        pay = pay == null ? new Pay(null, null) : pay;
        skillsPassScore = skillsPassScore == null ? java.math.BigDecimal.valueOf(60) : skillsPassScore;
        if (batchSize < 1 || batchSize > 1000 || partWorkingDays < 1 || reviewWorkingDays < 1 || objectionDays < 0
                || skillsPassScore.signum() < 0 || skillsPassScore.compareTo(java.math.BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("cms.assessment: batch-size 1-1000, working days at least 1, objection-days at least 0,"
                    + " skills-pass-score 0-100");
        }
    }
}
