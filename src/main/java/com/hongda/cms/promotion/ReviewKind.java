package com.hongda.cms.promotion;

/** What a cycle does with a graded manager (the promotion-eligibility table's {@code review}). */
public enum ReviewKind {
    /** Eligible to apply for the next grade. */
    PROMOTE,
    /** In the bottom of their grade: must re-compete for it against the eligible of the grade below. */
    RECOMPETE,
    /** Other absence left under two months of work: one grade down at publication. */
    DEMOTE,
    /** Not reviewed this year (the reason says why). */
    NONE
}
