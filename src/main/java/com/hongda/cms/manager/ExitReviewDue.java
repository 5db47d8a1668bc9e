package com.hongda.cms.manager;

/**
 * A manager must be reviewed for leaving the sequence: demoted two years in a row (counsel out or
 * transfer, 劝退或转岗) or failed the skills test (dismissal or transfer). Published by the family that
 * finds it (the promotion cycle, the assessment), inside its transaction; the personnel decisions
 * module opens HR's task.
 *
 * @param reference what found it, e.g. {@code CYCLE-12} or {@code ROUND-7}
 */
public record ExitReviewDue(long managerId, Cause cause, String reference, String processInstanceId) {

    /** Why the review is due. */
    public enum Cause { DEMOTED_TWICE, SKILLS_TEST_FAILED }
}
