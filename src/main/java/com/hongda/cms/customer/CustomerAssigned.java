package com.hongda.cms.customer;

import java.time.Instant;

/**
 * A customer was handed to a manager (a first assignment or a reassignment): published inside the
 * transaction of the assignment, so a listener's work (the visit module's next due visit) commits or
 * rolls back with it.
 */
public record CustomerAssigned(long customerId, long managerId, Tier tier, Instant assignedAt) {
}
