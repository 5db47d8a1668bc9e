package com.hongda.cms.complaint;

/** The supervisor's decision after a substantiated complaint against a manager. */
public enum Consequence {
    COACHING, WARNING, CHANGE_CUSTOMERS
}
