package com.hongda.cms.customer;

/** Where a reassignment case stands: customers still to move, or every listed customer moved. */
public enum ReassignmentState { OPEN, DONE }
