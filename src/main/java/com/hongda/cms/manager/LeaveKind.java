package com.hongda.cms.manager;

/**
 * Kinds of leave a manager takes: maternity (产假), sick (病假), personal (事假), and absence for any
 * other reason (其他缺勤). The promotion cycle treats them apart: under two months of work in the year
 * because of the first three means no review that year; because of other absence, one grade down.
 */
public enum LeaveKind {
    MATERNITY, SICK, PERSONAL, OTHER;

    /** Whether this kind of leave excuses (no review) rather than costs a grade. */
    public boolean excused() {
        return this != OTHER;
    }
}
