package com.hongda.cms.manager;

/** Where a manager stands: on probation, active, suspended, or gone. */
public enum ManagerStatus {
    PROBATION, ACTIVE, SUSPENDED, LEFT
}
