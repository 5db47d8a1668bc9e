package com.hongda.cms.recruitment;

/** Highest education completed; COLLEGE (大专) is the minimum of the basic qualification. */
public enum Education { SECONDARY, COLLEGE, BACHELOR, MASTER, DOCTORATE }
