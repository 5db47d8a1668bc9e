package com.hongda.cms.promotion;

/** Where a promotion cycle stands. */
public enum CycleState {
    /** Invitations are out; managers apply until the deadline, the committee checks, supervisors evaluate. */
    APPLYING,
    /** Applications are closed; the committee names the panel. */
    PANEL,
    /** The judges score the presentations. */
    JUDGING,
    /** The list is ranked and proposed; HR amends within the quotas and approves. */
    APPROVAL,
    /** Approved and published: the grades have changed. */
    PUBLISHED
}
