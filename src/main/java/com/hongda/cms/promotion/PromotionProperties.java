package com.hongda.cms.promotion;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The promotion cycle's settings (application.yml {@code cms.promotion}); the eligibility thresholds
 * live in the {@code promotion-eligibility} table, the ratio targets are branch settings.
 */
@ConfigurationProperties("cms.promotion")
public record PromotionProperties(Integer applicationDays, Integer minimumWorkDays, Weights weights, Integer panelMinSize,
                                  Integer stepWorkingDays) {

    /** Points of the score out of 100 each part carries; they add up to 100. */
    public record Weights(BigDecimal supervisor, BigDecimal presentation, BigDecimal annual) {
        public Weights {
            supervisor = supervisor == null ? BigDecimal.valueOf(30) : supervisor;
            presentation = presentation == null ? BigDecimal.valueOf(40) : presentation;
            annual = annual == null ? BigDecimal.valueOf(30) : annual;
            if (supervisor.add(presentation).add(annual).compareTo(BigDecimal.valueOf(100)) != 0) {
                throw new IllegalArgumentException("cms.promotion.weights must add up to 100");
            }
        }
    }

    public PromotionProperties {
        applicationDays = applicationDays == null ? 14 : applicationDays;
        minimumWorkDays = minimumWorkDays == null ? 60 : minimumWorkDays;
        weights = weights == null ? new Weights(null, null, null) : weights;
        panelMinSize = panelMinSize == null ? 3 : panelMinSize;
        stepWorkingDays = stepWorkingDays == null ? 5 : stepWorkingDays;
        if (applicationDays < 1 || minimumWorkDays < 0 || panelMinSize < 1 || stepWorkingDays < 1) {
            throw new IllegalArgumentException("cms.promotion: application-days, panel-min-size and step-working-days at least 1");
        }
    }
}
