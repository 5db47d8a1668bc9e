package com.hongda.cms.recruitment;

/** Whether the candidate is already staff (internal) or comes from outside. */
public enum Origin { INTERNAL, EXTERNAL }
