package com.hongda.cms.customer;

/** Value tier (价值分级): A1 high-value, A2 strategic, B1, B2, C. */
public enum Tier { A1, A2, B1, B2, C }
