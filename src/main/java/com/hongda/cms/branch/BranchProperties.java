package com.hongda.cms.branch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The default settings of every branch without its own (application.yml {@code cms.branches}):
 * grade ratio targets 20 / 50 / 30 % with SENIOR as a hard cap, and customer capacities by territory
 * (docs/rules.md#branches). Checked at start: targets 0–100 adding up to 100, capacities positive.
 */
@ConfigurationProperties("cms.branches")
public record BranchProperties(Integer juniorTargetPercent, Integer intermediateTargetPercent, Integer seniorCapPercent,
                               Integer urbanCapacity, Integer ruralCapacity) {

    public BranchProperties {
        juniorTargetPercent = juniorTargetPercent == null ? 20 : juniorTargetPercent;
        intermediateTargetPercent = intermediateTargetPercent == null ? 50 : intermediateTargetPercent;
        seniorCapPercent = seniorCapPercent == null ? 30 : seniorCapPercent;
        urbanCapacity = urbanCapacity == null ? 200 : urbanCapacity;
        ruralCapacity = ruralCapacity == null ? 140 : ruralCapacity;
        BranchRules.Violation wrong = BranchRules.check(new BranchSettings.Own(juniorTargetPercent, intermediateTargetPercent,
                seniorCapPercent, urbanCapacity, ruralCapacity));
        if (wrong != null) {
            throw new IllegalArgumentException("cms.branches: " + (wrong.setting() == null
                    ? "the grade targets add up to " + wrong.sum() + ", not 100"
                    : wrong.setting() + " must lie between " + wrong.min() + " and " + wrong.max()));
        }
    }

    BranchSettings.Own asSettings() {
        return new BranchSettings.Own(juniorTargetPercent, intermediateTargetPercent, seniorCapPercent, urbanCapacity, ruralCapacity);
    }
}
