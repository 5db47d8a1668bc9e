package com.hongda.cms.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a login that must hold on every node of the service at the user's next request. Each
 * change raises the login's version in the same transaction ({@link LoginVersions}): a node that
 * remembers the login ({@link LoginCache}) sees the new version and checks the login against the
 * engine again. Change roles or passwords through here, never through the engine's identity
 * service directly.
 */
@Component
public class Logins {

    private final IdentityService identity;
    private final LoginVersions versions;
    private final LoginCache cache;
    private final RoleChangeRepository history;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final java.time.Clock clock;

    Logins(IdentityService identity, LoginVersions versions, LoginCache cache, RoleChangeRepository history,
           org.springframework.jdbc.core.JdbcTemplate jdbc, java.time.Clock clock) {
        this.identity = identity;
        this.versions = versions;
        this.cache = cache;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Makes the user a member of the role's engine group, unless they are already, and records the
     * grant (who, why) for the auditor; joins the caller's transaction, if any.
     *
     * @return whether the role was granted now (false: the user held it already)
     */
    @Transactional
    public boolean grantRole(String userId, Role role, String reason, String by) {
        if (holds(userId, role)) {
            return false;
        }
        identity.createMembership(userId, role.name());
        history.save(new RoleChange(userId, role, RoleChange.Action.GRANT, reason, by, clock.instant()));
        changed(userId);
        return true;
    }

    /**
     * Takes the role back and records it. The last administrator keeps ADMIN: revocations of ADMIN
     * are serialised on the ADMIN group's row, so two administrators revoking each other at the same
     * moment cannot leave none.
     *
     * @return whether the role was revoked now (false: the user did not hold it)
     */
    @Transactional
    public boolean revokeRole(String userId, Role role, String reason, String by) {
        if (role == Role.ADMIN) {
            lockAdministrators();
            if (holds(userId, role) && identity.createUserQuery().memberOfGroup(Role.ADMIN.name()).count() <= 1) {
                throw com.hongda.cms.common.DomainException.conflict("input.role", "LAST_ADMIN", "error.role.lastAdmin", userId);
            }
        }
        if (!holds(userId, role)) {
            return false;
        }
        identity.deleteMembership(userId, role.name());
        history.save(new RoleChange(userId, role, RoleChange.Action.REVOKE, reason, by, clock.instant()));
        changed(userId);
        return true;
    }

    /**
     * Locks the ADMIN group's row until the transaction ends: every change that could leave no
     * administrator (revoking ADMIN, disabling a login) takes it first, so two such changes at the
     * same moment run one after the other and the second sees the first.
     */
    void lockAdministrators() {
        jdbc.queryForList("select ID_ from ACT_ID_GROUP where ID_ = ? for update", String.class, Role.ADMIN.name());
    }

    /** Whether the user is a member of the role's group. */
    public boolean holds(String userId, Role role) {
        return identity.createGroupQuery().groupMember(userId).groupId(role.name()).count() > 0;
    }

    /**
     * Records that the user's roles or password were changed in this transaction by other means
     * (the engine's identity service), so that every node checks the login again.
     */
    @Transactional
    public void changed(String userId) {
        versions.raise(userId);
        cache.forget(userId);
    }
}
