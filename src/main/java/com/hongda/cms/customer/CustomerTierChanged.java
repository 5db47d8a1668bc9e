package com.hongda.cms.customer;

/**
 * The tier decision table gave a customer another tier after a change of its profile: published inside
 * the transaction of the change, so a listener's work (the visit module's next due visit, a reassignment when the
 * manager's grade no longer allows the tier) commits or
 * rolls back with it.
 */
public record CustomerTierChanged(long customerId, Tier before, Tier after) {
}
