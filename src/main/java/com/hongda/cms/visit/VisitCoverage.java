package com.hongda.cms.visit;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How well a manager kept up their customers' visits on one day (docs/rules.md#customer-visits): of the
 * {@code customers} that were theirs by that day, how many were {@code overdue} for a visit then. An input
 * of the manager's assessment.
 */
public record VisitCoverage(int customers, int overdue) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** 100 × the customers not overdue ÷ the customers, unrounded; 100 for a manager without customers (nothing was missed). */
    public BigDecimal percent() {
        return customers == 0 ? HUNDRED
                : HUNDRED.multiply(BigDecimal.valueOf(customers - overdue)).divide(BigDecimal.valueOf(customers), MathContext.DECIMAL64);
    }
}
