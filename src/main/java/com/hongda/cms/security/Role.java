package com.hongda.cms.security;

/**
 * The roles of docs/rules.md#roles. Each is an engine group with the same id, used as the
 * candidate group of workflow tasks and as the Spring Security authority {@code ROLE_<name>}.
 */
public enum Role {
    CANDIDATE, EMPLOYEE, MANAGER, SUPERVISOR, HR, COMMITTEE, JUDGE, SERVICE_DESK, SERVICE_DIRECTOR, AUDITOR, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
