package com.hongda.cms.assessment;

/**
 * The kinds of round (docs/rules.md#assessment): monthly and quarterly percentage scores of every
 * indicator, the half-year skills test (one score), and the annual comprehensive review, which
 * combines the year's published rounds and ranks managers within branch and grade.
 */
public enum RoundKind { MONTHLY, QUARTERLY, SKILLS_TEST, ANNUAL }
