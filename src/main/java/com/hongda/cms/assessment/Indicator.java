package com.hongda.cms.assessment;

import java.util.Arrays;
import java.util.List;

/**
 * The indicators of an assessment, each in its group, and where its value comes from: performance
 * figures are entered by HR (or imported from a spreadsheet); the others are qualitative, combining
 * the manager's self-assessment and the supervisor's rating, and for customer satisfaction also the
 * sampled customers' ratings. Customer visits, a performance indicator of customer management, is computed
 * when the score is (the share of the manager's customers not overdue for a visit at the period's end), never
 * entered. Every value is a score from 0 to 100.
 */
public enum Indicator {
    TASK_COMPLETION(IndicatorGroup.PERFORMANCE, "taskCompletion"),
    QUALITY(IndicatorGroup.PERFORMANCE, "quality"),
    VOLUME(IndicatorGroup.PERFORMANCE, "volume"),
    EFFICIENCY(IndicatorGroup.PERFORMANCE, "efficiency"),
    NEW_CUSTOMERS(IndicatorGroup.PERFORMANCE, "newCustomers"),
    BUSINESS_GROWTH(IndicatorGroup.PERFORMANCE, "businessGrowth"),
    VISITS(IndicatorGroup.PERFORMANCE, "visits"),
    ATTITUDE(IndicatorGroup.BEHAVIOUR, "attitude"),
    CUSTOMER_SATISFACTION(IndicatorGroup.BEHAVIOUR, "customerSatisfaction"),
    DISCIPLINE(IndicatorGroup.BEHAVIOUR, "discipline"),
    COOPERATION(IndicatorGroup.BEHAVIOUR, "cooperation"),
    RESPONSIBILITY(IndicatorGroup.BEHAVIOUR, "responsibility"),
    MARKETING(IndicatorGroup.ABILITY, "marketing"),
    PRODUCT_PROMOTION(IndicatorGroup.ABILITY, "productPromotion"),
    CUSTOMER_ANALYSIS(IndicatorGroup.ABILITY, "customerAnalysis");

    private final IndicatorGroup group;
    private final String key;

    Indicator(IndicatorGroup group, String key) {
        this.group = group;
        this.key = key;
    }

    public IndicatorGroup group() {
        return group;
    }

    /** The form field and spreadsheet column of the indicator, e.g. {@code taskCompletion}. */
    public String key() {
        return key;
    }

    /** The performance figures, in order: what HR enters or imports (every performance indicator but the computed one). */
    public static List<Indicator> performance() {
        return Arrays.stream(values()).filter(i -> i.group == IndicatorGroup.PERFORMANCE && i != VISITS).toList();
    }

    /** The qualitative indicators, in order: what the manager and the supervisor rate. */
    public static List<Indicator> qualitative() {
        return Arrays.stream(values()).filter(i -> i.group != IndicatorGroup.PERFORMANCE).toList();
    }
}
