package com.hongda.cms.manager;

/** Kinds of leave a manager takes: maternity (产假), sick (病假), personal (事假). */
public enum LeaveKind {
    MATERNITY, SICK, PERSONAL
}
