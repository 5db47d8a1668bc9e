package com.hongda.cms.prospect;

/** Where a prospect stands: being followed up, or closed as won (a customer now) or lost. */
public enum ProspectState { FOLLOWING, WON, LOST }
