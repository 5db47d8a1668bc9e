package com.hongda.cms.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A role granted through the service holds on every node at the user's next request, although
 * each node remembers logins in its own memory: the second node here is a second cache and login
 * check over the same database, which the granting node cannot reach.
 */
class LoginVersionTest extends IntegrationTest {

    @Autowired
    IdentityService identity;

    @Autowired
    Logins logins;

    @Autowired
    LoginVersions versions;

    @Autowired
    LoginCacheProperties properties;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aRoleGrantedOnOneNodeIsSeenOnAnotherAtTheNextRequest() {
        String user = newUser("node", "CANDIDATE");
        EngineIdentityAuthenticationProvider otherNode =
                new EngineIdentityAuthenticationProvider(identity, new LoginCache(properties), versions);
        assertThat(roles(otherNode, user)).containsExactly("ROLE_CANDIDATE");
        assertThat(roles(otherNode, user)).as("remembered").containsExactly("ROLE_CANDIDATE");

        transactions.executeWithoutResult(tx -> logins.grantRole(user, Role.MANAGER, "test", "t-admin"));

        assertThat(roles(otherNode, user)).containsExactlyInAnyOrder("ROLE_CANDIDATE", "ROLE_MANAGER");
    }

    @Test
    void aChangeMadeOnAnotherNodeIsSeenByThisNodesNextRequest() {
        String user = newUser("remote", "HR");
        as(user).document("{ me { roles } }").execute().path("me.roles").entityList(String.class).containsExactly("HR");
        // What another node does when it grants a role: the membership and the version, in one
        // transaction. It cannot clear this node's memory.
        transactions.executeWithoutResult(tx -> {
            identity.createMembership(user, "AUDITOR");
            versions.raise(user);
        });
        as(user).document("{ me { roles } }").execute().path("me.roles").entityList(String.class)
                .contains("HR", "AUDITOR").hasSize(2);
    }

    @Test
    void aRolledBackGrantChangesNothing() {
        String user = newUser("rollback", "HR");
        long before = versions.current(user);
        transactions.executeWithoutResult(tx -> {
            logins.grantRole(user, Role.ADMIN, "test", "t-admin");
            tx.setRollbackOnly();
        });
        assertThat(versions.current(user)).isEqualTo(before);
        as(user).document("{ me { roles } }").execute().path("me.roles").entityList(String.class).containsExactly("HR");
    }

    private static List<String> roles(EngineIdentityAuthenticationProvider node, String user) {
        return node.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, Fixtures.PASSWORD))
                .getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    private String newUser(String prefix, String... groups) {
        String user = fixtures.unique(prefix).toLowerCase();
        User u = identity.newUser(user);
        u.setPassword(Fixtures.PASSWORD);
        identity.saveUser(u);
        for (String group : groups) {
            identity.createMembership(user, group);
        }
        return user;
    }
}
