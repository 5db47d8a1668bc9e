package com.hongda.cms.visit;

/** PLANNED until it is logged; a LOGGED visit is never changed. */
public enum VisitStatus { PLANNED, LOGGED }
