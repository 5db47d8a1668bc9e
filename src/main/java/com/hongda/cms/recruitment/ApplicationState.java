package com.hongda.cms.recruitment;

/** Where an application stands. */
public enum ApplicationState {
    /** Submitted; the eligibility check is about to run. */
    SUBMITTED,
    /** Eligible and under review or assessment. */
    IN_REVIEW,
    /** Failed the basic qualification; the reasons are stored. */
    INELIGIBLE,
    /** Rejected by HR or below the pass mark. */
    REJECTED,
    /** Appointed a TRAINEE customer manager; probation has started. */
    HIRED
}
