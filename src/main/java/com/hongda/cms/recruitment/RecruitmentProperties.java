package com.hongda.cms.recruitment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Recruitment settings the business may change. Weights and the pass mark live in the
 * {@code recruitment-scoring} decision table, the basic qualification in {@code recruitment-eligibility}.
 *
 * @param interviewPanelGroup engine group whose members interview candidates (one task each)
 * @param interviewPanelSize  at most this many of them
 * @param reviewWorkingDays   working days an HR step may wait before a reminder (due date)
 */
@ConfigurationProperties("cms.recruitment")
public record RecruitmentProperties(String interviewPanelGroup, int interviewPanelSize, int reviewWorkingDays) {

    public RecruitmentProperties {
        interviewPanelGroup = interviewPanelGroup == null || interviewPanelGroup.isBlank() ? "JUDGE" : interviewPanelGroup;
        interviewPanelSize = interviewPanelSize <= 0 ? 3 : interviewPanelSize;
        reviewWorkingDays = reviewWorkingDays <= 0 ? 5 : reviewWorkingDays;
    }
}
