package com.hongda.cms.promotion;

/** Where one manager's review stands in the cycle. */
public enum ReviewState {
    /** Not in a race (NONE or DEMOTE): nothing to do until publication. */
    LISTED,
    /** Invited: the manager's task to apply or decline is open. */
    INVITED,
    /** Applied; the committee checks the application. */
    APPLIED,
    /** Checked; the supervisor evaluates. */
    CHECKED,
    /** Qualified for the panel: applied, checked, evaluated. */
    QUALIFIED,
    /** Declined the invitation. */
    DECLINED,
    /** Did not answer before the deadline. */
    LAPSED,
    /** The committee rejected the application. */
    REJECTED,
    /** Published: see the outcome. */
    DECIDED;

    /** Whether the review still waits for the manager, the committee or the supervisor. */
    public boolean inProgress() {
        return this == INVITED || this == APPLIED || this == CHECKED;
    }
}
