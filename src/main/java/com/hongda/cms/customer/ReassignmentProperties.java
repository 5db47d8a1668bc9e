package com.hongda.cms.customer;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reassignment settings (application.yml {@code cms.customer}): the working days the supervisor's
 * task may take before it is overdue.
 */
@ConfigurationProperties("cms.customer")
public record ReassignmentProperties(Integer reassignmentWorkingDays) {

    public ReassignmentProperties {
        reassignmentWorkingDays = reassignmentWorkingDays == null ? 5 : reassignmentWorkingDays;
        if (reassignmentWorkingDays < 1) {
            throw new IllegalArgumentException("cms.customer.reassignment-working-days: at least 1");
        }
    }
}
