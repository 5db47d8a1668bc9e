package com.hongda.cms.customer;

/** Kind of customer: enterprise, group, individual or retail outlet. */
public enum CustomerType { ENTERPRISE, GROUP, INDIVIDUAL, RETAIL_OUTLET }
