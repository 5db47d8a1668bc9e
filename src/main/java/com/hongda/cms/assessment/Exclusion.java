package com.hongda.cms.assessment;

/**
 * Why a manager in scope gets no score in a round, by rule (docs/rules.md#assessment): a TRAINEE is
 * assessed by probation, a SUSPENDED manager is not at work, one on leave for more than half of the
 * period has too little work to score, and one who left before the round was published is no longer
 * in the sequence. An annual review excludes a manager with no published result in the year.
 */
public enum Exclusion { TRAINEE, SUSPENDED, ON_LEAVE, LEFT, NO_RESULTS }
