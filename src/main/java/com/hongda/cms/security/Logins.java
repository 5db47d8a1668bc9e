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

    Logins(IdentityService identity, LoginVersions versions, LoginCache cache) {
        this.identity = identity;
        this.versions = versions;
        this.cache = cache;
    }

    /**
     * Makes the user a member of the role's engine group, unless they are already; joins the caller's
     * transaction, if any.
     */
    @Transactional
    public void grantRole(String userId, Role role) {
        if (identity.createGroupQuery().groupMember(userId).groupId(role.name()).count() > 0) {
            return;
        }
        identity.createMembership(userId, role.name());
        changed(userId);
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
