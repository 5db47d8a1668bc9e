package com.hongda.cms.visit;

/** How a visit is made: on site, by phone, online. */
public enum VisitKind { VISIT, PHONE, ONLINE }
