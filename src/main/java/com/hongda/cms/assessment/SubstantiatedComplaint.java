package com.hongda.cms.assessment;

import java.time.LocalDate;

/**
 * A complaint against a manager was substantiated (docs/rules.md#assessment-score): published by
 * complaint handling, recorded here once per {@code reference}, and deducted from the behaviour score
 * of every round whose period holds {@code occurredOn}.
 */
public record SubstantiatedComplaint(long managerId, LocalDate occurredOn, String reference) {
}
