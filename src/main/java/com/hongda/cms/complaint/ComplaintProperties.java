package com.hongda.cms.complaint;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Complaint handling's settings (application.yml {@code cms.complaint}); who handles a complaint and its
 * SLAs are the {@code complaint-routing} table's.
 *
 * @param compensationApprovalAbove compensation above this amount waits for the supervisor's approval
 * @param callbackDays              days the service desk has to reach the complainant before the complaint closes as unreachable
 * @param maxReopenings             reopenings after a dissatisfied call-back; after that the supervisor decides and closes
 * @param satisfiedFrom             the lowest satisfaction (1-5) that counts as satisfied
 * @param warnAtPercent             share of an SLA after which the task is raised (to priority 70, in the model)
 * @param approvalWorkingDays       working days the supervisor's approvals and decisions may take
 * @param escalation                the levels: who is notified and when
 */
@ConfigurationProperties("cms.complaint")
public record ComplaintProperties(BigDecimal compensationApprovalAbove, Integer callbackDays, Integer maxReopenings, Integer satisfiedFrom,
                                  Integer warnAtPercent, Integer approvalWorkingDays, Escalation escalation) {

    /**
     * The escalation levels. Level 1 at the breach of an SLA notifies the supervisor (of the manager
     * concerned, else the SUPERVISOR group); level 2, {@code level2After} after the first-response due
     * date if still in handling, the branch head and {@code level2Group}; level 3, {@code level3After}
     * after it, {@code level3Group}. Each raises the open tasks to {@code 60 + 10 × level}.
     */
    public record Escalation(Duration level2After, Duration level3After, String level2Group, String level3Group) {
        public Escalation {
            level2After = level2After == null ? Duration.ofHours(24) : level2After;
            level3After = level3After == null ? Duration.ofHours(48) : level3After;
            level2Group = level2Group == null ? "HR" : level2Group;
            level3Group = level3Group == null ? "SERVICE_DIRECTOR" : level3Group;
            if (level2After.isNegative() || level3After.compareTo(level2After) <= 0) {
                throw new IllegalArgumentException("cms.complaint.escalation: level3-after must come after level2-after");
            }
        }
    }

    public ComplaintProperties {
        compensationApprovalAbove = compensationApprovalAbove == null ? BigDecimal.valueOf(500) : compensationApprovalAbove;
        callbackDays = callbackDays == null ? 3 : callbackDays;
        maxReopenings = maxReopenings == null ? 2 : maxReopenings;
        satisfiedFrom = satisfiedFrom == null ? 3 : satisfiedFrom;
        warnAtPercent = warnAtPercent == null ? 75 : warnAtPercent;
        approvalWorkingDays = approvalWorkingDays == null ? 2 : approvalWorkingDays;
        escalation = escalation == null ? new Escalation(null, null, null, null) : escalation;
        if (callbackDays < 1 || maxReopenings < 0 || satisfiedFrom < 1 || satisfiedFrom > 5 || warnAtPercent < 1 || warnAtPercent > 99
                || approvalWorkingDays < 1) {
            throw new IllegalArgumentException("cms.complaint: callback-days and approval-working-days at least 1, satisfied-from 1-5,"
                    + " warn-at-percent 1-99");
        }
    }
}
