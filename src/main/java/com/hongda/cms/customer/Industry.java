package com.hongda.cms.customer;

/** Industry of a customer; GOVERNMENT and MEDIA are strategic in the default tier table. */
public enum Industry {
    GOVERNMENT, FINANCE, EDUCATION, HEALTHCARE, MANUFACTURING, RETAIL, TRANSPORT, ENERGY, MEDIA, TELECOM,
    AGRICULTURE, OTHER
}
