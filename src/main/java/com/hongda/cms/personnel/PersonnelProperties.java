package com.hongda.cms.personnel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The personnel decisions' settings (application.yml {@code cms.personnel}): the working days a
 * decision or an approval may take before it is overdue.
 */
@ConfigurationProperties("cms.personnel")
public record PersonnelProperties(Integer decisionWorkingDays) {

    public PersonnelProperties {
        decisionWorkingDays = decisionWorkingDays == null ? 5 : decisionWorkingDays;
        if (decisionWorkingDays < 1) {
            throw new IllegalArgumentException("cms.personnel.decision-working-days: at least 1");
        }
    }
}
