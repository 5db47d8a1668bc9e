package com.hongda.cms.complaint;

/** The investigation's finding. */
public enum Finding {
    SUBSTANTIATED, UNSUBSTANTIATED
}
