package com.hongda.cms.assessment;

/** Where a round stands: results being gathered, under HR's review, or published (read-only). */
public enum RoundState { OPEN, PUBLISHED }
