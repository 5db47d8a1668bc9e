package com.hongda.cms.complaint;

/** The root cause category of a complaint. */
public enum RootCause {
    SERVICE, PROCESS, PRODUCT, NETWORK, BILLING, MISUNDERSTANDING, OTHER
}
