package com.hongda.cms.promotion;

/** What the published cycle did to a manager. */
public enum Outcome {
    /** One grade up. */
    PROMOTED,
    /** Re-competed and kept the grade. */
    KEPT,
    /** One grade down (lost the re-competition, did not take part in it, or other absence). */
    DEMOTED,
    /** Competed for the next grade and did not place within the quota. */
    NOT_PLACED,
    /** Nothing changed (not reviewed, declined, lapsed or rejected). */
    UNCHANGED
}
