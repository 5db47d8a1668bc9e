package com.hongda.cms.manager;

/** The grade ladder (客户经理等级), lowest first. Promotion goes one step at a time. */
public enum Grade {
    TRAINEE, JUNIOR, INTERMEDIATE, SENIOR
}
