package com.hongda.cms.customer;

import com.hongda.cms.common.Region;
import com.hongda.cms.manager.Grade;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The assignment rules the business may change (docs/rules.md#grades and #capacity-by-territory):
 * how many customers a manager may own by territory, and which tiers each grade may own. Defaults in application.yml:
 * 200 urban, 140 rural; JUNIOR B2 and C, INTERMEDIATE B1 and below, SENIOR all.
 */
@ConfigurationProperties("cms.assignment")
public record AssignmentPolicy(Map<Region, Integer> capacity, Map<Grade, Set<Tier>> allowedTiers) {

    public AssignmentPolicy {
        capacity = capacity == null ? Map.of() : new EnumMap<>(capacity);
        Map<Grade, Set<Tier>> tiers = new EnumMap<>(Grade.class);
        if (allowedTiers != null) {
            allowedTiers.forEach((grade, set) -> tiers.put(grade, set.isEmpty() ? EnumSet.noneOf(Tier.class) : EnumSet.copyOf(set)));
        }
        allowedTiers = tiers;
    }

    /** Most customers a manager of this territory may own; 0 when none is configured. */
    public int capacityOf(Region region) {
        return capacity.getOrDefault(region, 0);
    }

    public boolean allows(Grade grade, Tier tier) {
        return allowedTiers.getOrDefault(grade, Set.of()).contains(tier);
    }
}
