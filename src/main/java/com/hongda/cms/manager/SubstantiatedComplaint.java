package com.hongda.cms.manager;

import java.time.LocalDate;

/**
 * A complaint against a manager was substantiated: published by complaint handling inside its
 * transaction; the assessment module records it once per {@code reference} and deducts it from the
 * behaviour score of every round whose period holds {@code occurredOn} (docs/rules.md#assessment-score).
 */
public record SubstantiatedComplaint(long managerId, LocalDate occurredOn, String reference) {
}
