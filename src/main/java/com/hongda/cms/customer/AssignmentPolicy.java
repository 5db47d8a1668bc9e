package com.hongda.cms.customer;

import com.hongda.cms.manager.Grade;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The assignment rule the business may change (docs/rules.md#grades): which tiers each grade may own.
 * Defaults in application.yml: JUNIOR B2 and C, INTERMEDIATE B1 and below, SENIOR all. How many
 * customers a manager may own is a setting of their branch ({@code BranchSettings#capacityOf}).
 */
@ConfigurationProperties("cms.assignment")
public record AssignmentPolicy(Map<Grade, Set<Tier>> allowedTiers) {

    public AssignmentPolicy {
        Map<Grade, Set<Tier>> tiers = new EnumMap<>(Grade.class);
        if (allowedTiers != null) {
            allowedTiers.forEach((grade, set) -> tiers.put(grade, set.isEmpty() ? EnumSet.noneOf(Tier.class) : EnumSet.copyOf(set)));
        }
        allowedTiers = tiers;
    }

    public boolean allows(Grade grade, Tier tier) {
        return allowedTiers.getOrDefault(grade, Set.of()).contains(tier);
    }
}
