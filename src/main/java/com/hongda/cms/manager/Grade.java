package com.hongda.cms.manager;

/**
 * The grade ladder (客户经理等级), lowest first. Promotion goes one step at a time.
 * The declaration order is the ladder: it is stored as {@code grade_rank} for sorting.
 */
public enum Grade {
    TRAINEE, JUNIOR, INTERMEDIATE, SENIOR
}
