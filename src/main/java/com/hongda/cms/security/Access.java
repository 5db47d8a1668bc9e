package com.hongda.cms.security;

/**
 * The role checks used in {@code @PreAuthorize}, named once so that every controller states
 * the same rule the same way.
 */
public final class Access {

    /** Staff who may read managers: everyone but candidates and plain employees. */
    public static final String STAFF =
            "hasAnyRole('MANAGER','SUPERVISOR','HR','COMMITTEE','JUDGE','SERVICE_DESK','AUDITOR','ADMIN')";

    /** Who may read customers; a plain MANAGER sees only their own (enforced in the query). */
    public static final String CUSTOMER_READERS =
            "hasAnyRole('MANAGER','SUPERVISOR','HR','COMMITTEE','SERVICE_DESK','AUDITOR','ADMIN')";

    /** Who may create customers and edit profiles (a MANAGER only their own customers). */
    public static final String CUSTOMER_EDITORS = "hasAnyRole('MANAGER','SUPERVISOR','ADMIN')";

    /** Who may assign and reassign customers to managers. */
    public static final String ASSIGNERS = "hasAnyRole('SUPERVISOR','ADMIN')";

    public static final String HR_OR_ADMIN = "hasAnyRole('HR','ADMIN')";

    /** Whether the caller holds one of the {@link #STAFF} roles, for fields that answer others with nothing. */
    public static boolean isStaff() {
        return CurrentUser.hasAnyRole(Role.MANAGER, Role.SUPERVISOR, Role.HR, Role.COMMITTEE, Role.JUDGE, Role.SERVICE_DESK,
                Role.AUDITOR, Role.ADMIN);
    }

    /**
     * Refuses (FORBIDDEN) a caller without one of the roles, for endpoints outside GraphQL where no
     * {@code @PreAuthorize} answers in the service's error form.
     */
    public static void require(Role... roles) {
        if (!CurrentUser.hasAnyRole(roles)) {
            throw com.hongda.cms.common.DomainException.forbidden("error.forbidden");
        }
    }

    private Access() {
    }
}
