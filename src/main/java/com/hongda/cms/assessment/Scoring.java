package com.hongda.cms.assessment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a result from its parts by a scheme (docs/rules.md#assessment-score):
 * <ul>
 *   <li>a qualitative indicator is self × self share + supervisor × supervisor share; customer
 *       satisfaction takes the sampled customers' mean at the customers' share and that mix for the rest;</li>
 *   <li>a group's score is the weighted sum of its indicators; each substantiated complaint of the period
 *       takes the scheme's points off the behaviour group, at most the cap, never below 0;</li>
 *   <li>the total is the weighted sum of the groups.</li>
 * </ul>
 * Every figure shown is rounded half up to two decimals; the total is computed from the unrounded
 * group scores, so a hand calculation gets the same numbers.
 */
final class Scoring {

    private static final MathContext EXACT = MathContext.DECIMAL64;

    private Scoring() {
    }

    /** What came in for one manager. */
    record Parts(Map<Indicator, BigDecimal> self, Map<Indicator, BigDecimal> supervisor, Map<Indicator, BigDecimal> performance,
                 List<BigDecimal> customerRatings, int complaints) {
    }

    /** The outcome: each indicator's combined value, each group's score, the deduction and the total. */
    record Score(Map<Indicator, BigDecimal> indicators, Map<IndicatorGroup, BigDecimal> groups, BigDecimal deduction,
                 BigDecimal total) {
    }

    static Score score(Scheme scheme, Parts parts) {
        Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            values.put(i, i.group() == IndicatorGroup.PERFORMANCE ? required(parts.performance(), i) : qualitative(scheme, parts, i));
        }
        Map<IndicatorGroup, BigDecimal> groups = new EnumMap<>(IndicatorGroup.class);
        for (IndicatorGroup g : IndicatorGroup.values()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Indicator i : Indicator.values()) {
                if (i.group() == g) {
                    sum = sum.add(values.get(i).multiply(scheme.indicatorWeights().getOrDefault(i, BigDecimal.ZERO), EXACT));
                }
            }
            groups.put(g, sum.divide(Scheme.HUNDRED, EXACT));
        }
        BigDecimal deduction = scheme.complaintPoints().multiply(BigDecimal.valueOf(parts.complaints())).min(scheme.complaintCap());
        BigDecimal behaviour = groups.get(IndicatorGroup.BEHAVIOUR).subtract(deduction).max(BigDecimal.ZERO);
        groups.put(IndicatorGroup.BEHAVIOUR, behaviour);
        BigDecimal total = BigDecimal.ZERO;
        for (IndicatorGroup g : IndicatorGroup.values()) {
            total = total.add(groups.get(g).multiply(scheme.groupWeights().getOrDefault(g, BigDecimal.ZERO), EXACT));
        }
        total = total.divide(Scheme.HUNDRED, EXACT);
        Map<Indicator, BigDecimal> shownValues = new EnumMap<>(Indicator.class);
        values.forEach((k, v) -> shownValues.put(k, round(v)));
        Map<IndicatorGroup, BigDecimal> shownGroups = new EnumMap<>(IndicatorGroup.class);
        groups.forEach((k, v) -> shownGroups.put(k, round(v)));
        return new Score(shownValues, shownGroups, round(deduction), round(total));
    }

    private static BigDecimal qualitative(Scheme scheme, Parts parts, Indicator i) {
        BigDecimal mix = required(parts.self(), i).multiply(scheme.selfShare(), EXACT)
                .add(required(parts.supervisor(), i).multiply(scheme.supervisorShare(), EXACT))
                .divide(Scheme.HUNDRED, EXACT);
        if (i != Indicator.CUSTOMER_SATISFACTION || parts.customerRatings().isEmpty()) {
            return mix;
        }
        BigDecimal mean = parts.customerRatings().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(parts.customerRatings().size()), EXACT);
        return mean.multiply(scheme.customerShare(), EXACT)
                .add(mix.multiply(Scheme.HUNDRED.subtract(scheme.customerShare()), EXACT))
                .divide(Scheme.HUNDRED, EXACT);
    }

    private static BigDecimal required(Map<Indicator, BigDecimal> part, Indicator i) {
        BigDecimal v = part.get(i);
        if (v == null) {
            throw new IllegalStateException("no value for " + i);
        }
        return v;
    }

    static BigDecimal round(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
