package com.hongda.cms.complaint;

/** What the complaint is about. */
public enum Category {
    SERVICE_ATTITUDE, SERVICE_QUALITY, BILLING, NETWORK, PRODUCT, OTHER
}
