package com.hongda.cms.manager;

/**
 * A manager's grade changed after they started (a promotion, a demotion, an exceptional promotion,
 * probation's confirmation): published inside the transaction that changes it, so a listener's work
 * (the customer module's reassignment of customers the new grade may not own) commits or rolls back
 * with the change.
 */
public record GradeChanged(long managerId, long branchId, Grade before, Grade after, String reason,
                           String processInstanceId, String decidedBy) {

    /** Whether the manager went down the ladder. */
    public boolean isDemotion() {
        return after.compareTo(before) < 0;
    }
}
