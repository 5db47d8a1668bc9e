package com.hongda.cms.assessment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The assessment settings that are not part of the scheme (application.yml {@code cms.assessment}):
 * how many assessments one job starts, the working days a part or a review may take before it is
 * raised as overdue, and how long after publication a manager may object.
 */
@ConfigurationProperties("cms.assessment")
public record AssessmentProperties(Integer batchSize, Integer partWorkingDays, Integer reviewWorkingDays, Integer objectionDays) {

    public AssessmentProperties {
        batchSize = batchSize == null ? 100 : batchSize;
        partWorkingDays = partWorkingDays == null ? 5 : partWorkingDays;
        reviewWorkingDays = reviewWorkingDays == null ? 5 : reviewWorkingDays;
        objectionDays = objectionDays == null ? 10 : objectionDays;
        if (batchSize < 1 || batchSize > 1000 || partWorkingDays < 1 || reviewWorkingDays < 1 || objectionDays < 0) {
            throw new IllegalArgumentException("cms.assessment: batch-size 1-1000, working days at least 1, objection-days at least 0");
        }
    }
}
