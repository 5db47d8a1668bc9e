package com.hongda.cms.personnel;

/** Where a personnel case stands. */
public enum PersonnelState {
    /** Waiting for a decision. */
    OPEN,
    /** Decided, and the outcome applied to the manager. */
    DECIDED,
    /** An exceptional promotion refused by an approver. */
    REJECTED
}
