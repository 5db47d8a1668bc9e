package com.hongda.cms.customer;

/**
 * A customer's profile changed its tier: published inside the transaction of the change, so a
 * reassignment it calls for ({@link Reassignments}) commits or rolls back with it.
 */
record TierChanged(Customer customer, Tier before) {
}
