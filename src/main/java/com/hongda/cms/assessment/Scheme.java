package com.hongda.cms.assessment;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An assessment scheme as the decision table {@code assessment-scheme} states it for one kind of
 * round: group weights (percent of the total), indicator weights (percent within their group), the
 * shares of a qualitative indicator's sources, the complaint deduction and the annual weights of
 * each kind of round. Built from the table's collected rows; a table that breaks the rules (weights
 * not adding up to 100) is refused, so a round never opens on it.
 */
public record Scheme(String definitionId, Map<IndicatorGroup, BigDecimal> groupWeights,
                     Map<Indicator, BigDecimal> indicatorWeights, BigDecimal selfShare, BigDecimal supervisorShare,
                     BigDecimal customerShare, BigDecimal complaintPoints, BigDecimal complaintCap,
                     Map<RoundKind, BigDecimal> annualWeights) {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The scheme of the collected rows ({@code part}, {@code item}, {@code weight}). */
    static Scheme from(String definitionId, List<Map<String, Object>> rows) {
        Map<IndicatorGroup, BigDecimal> groups = new EnumMap<>(IndicatorGroup.class);
        Map<Indicator, BigDecimal> indicators = new EnumMap<>(Indicator.class);
        Map<String, BigDecimal> sources = new java.util.HashMap<>();
        Map<String, BigDecimal> deductions = new java.util.HashMap<>();
        Map<RoundKind, BigDecimal> annual = new EnumMap<>(RoundKind.class);
        for (Map<String, Object> row : rows) {
            String part = String.valueOf(row.get("part"));
            String item = String.valueOf(row.get("item"));
            BigDecimal weight = new BigDecimal(String.valueOf(row.get("weight")));
            if (weight.signum() < 0) {
                throw new IllegalStateException("assessment-scheme: negative weight of " + item);
            }
            switch (part) {
                case "GROUP" -> groups.put(IndicatorGroup.valueOf(item), weight);
                case "INDICATOR" -> indicators.put(Indicator.valueOf(item), weight);
                case "SOURCE" -> sources.put(item, weight);
                case "DEDUCTION" -> deductions.put(item, weight);
                case "ANNUAL" -> annual.put(RoundKind.valueOf(item), weight);
                default -> throw new IllegalStateException("assessment-scheme: unknown part " + part);
            }
        }
        require(sum(groups.values()), "the group weights");
        for (IndicatorGroup g : IndicatorGroup.values()) {
            require(sum(indicators.entrySet().stream().filter(e -> e.getKey().group() == g).map(Map.Entry::getValue).toList()),
                    "the indicator weights of " + g);
        }
        BigDecimal self = sources.getOrDefault("SELF", BigDecimal.ZERO);
        BigDecimal supervisor = sources.getOrDefault("SUPERVISOR", BigDecimal.ZERO);
        require(self.add(supervisor), "the shares of self-assessment and supervisor");
        BigDecimal customers = sources.getOrDefault("CUSTOMERS", BigDecimal.ZERO);
        if (customers.compareTo(HUNDRED) > 0) {
            throw new IllegalStateException("assessment-scheme: the customers' share is above 100");
        }
        return new Scheme(definitionId, groups, indicators, self, supervisor, customers,
                deductions.getOrDefault("COMPLAINT", BigDecimal.ZERO), deductions.getOrDefault("COMPLAINT_CAP", BigDecimal.ZERO),
                annual);
    }

    private static BigDecimal sum(java.util.Collection<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void require(BigDecimal sum, String what) {
        if (sum.compareTo(HUNDRED) != 0) {
            throw new IllegalStateException("assessment-scheme: " + what + " add up to " + sum + ", not 100");
        }
    }
}
