package com.hongda.cms.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users who sign in with a bearer token, provisioned from the token ({@code cms.security.jwt.provision-users}).
 *
 * <p>Why: the workflow finds people through the engine's identity tables, not through the caller's
 * token. Task candidate groups, a panel drawn from a group, {@code reassignTask}'s candidate check and
 * the people picker all read engine memberships; a token user who exists only in the token is
 * invisible to them. So at a token user's first sign-in the service creates the engine user (login
 * {@link SignIn#TOKEN}: no password anyone knows, HTTP Basic refused; name and e-mail from the
 * configured claims) and then keeps the engine memberships in step with the token's role claim, each
 * grant and revoke recorded in {@code role_change} with reason {@value #REASON}, by {@value #BY}.
 * The identity provider is the source of truth for these roles; HR grants them there, not here
 * ({@code People} refuses grantRole and revokeRole of such roles for TOKEN logins).
 *
 * <p>ADMIN never comes from a token, and a token never takes ADMIN away: the identity provider grants
 * with HR's rights, which do not include ADMIN. An administrator grants ADMIN to a token user with
 * grantRole, as to anyone. A login created with a password that signs in with a token keeps the roles
 * the service gave it: the token then only proves who it is.
 *
 * <p>Cost: the memberships are compared with the token at most once per login-cache period per user
 * (and again when the token's roles or the login's version change): the sign-in is remembered like a
 * Basic login ({@link LoginCache}, a separate instance keyed by the token's roles), so a request
 * costs the one read of the login's version it costs anyway.
 *
 * <p>Concurrency: two first requests of a new user at the same moment would both create the engine
 * user, and the second fail on its unique key. So each provisioning first locks the login's row
 * ({@link LoginVersions#lock}, made if need be): the second waits for the first and then finds the
 * user and memberships there. The provisioning runs in a transaction of its own and is retried, should
 * the database still refuse (a deadlock, a lock wait past its limit).
 */
@Component
class TokenUsers {

    static final String REASON = "IDENTITY_PROVIDER";
    static final String BY = "identity-provider";

    private static final Logger log = LoggerFactory.getLogger(TokenUsers.class);
    private static final int ATTEMPTS = 3;
    private static final int MAX_NAME = 100;
    private static final int MAX_EMAIL = 254;

    private final IdentityService identity;
    private final Logins logins;
    private final LoginVersions versions;
    private final TransactionTemplate transactions;
    private final LoginCache remembered;
    private static final SecureRandom RANDOM = new SecureRandom();

    TokenUsers(IdentityService identity, Logins logins, LoginVersions versions, PlatformTransactionManager transactionManager,
               LoginCacheProperties cache) {
        this.identity = identity;
        this.logins = logins;
        this.versions = versions;
        this.transactions = new TransactionTemplate(transactionManager);
        this.remembered = new LoginCache(cache);
    }

    /** A provisioned sign-in as the engine knows it after the sync: the roles held, at which version of the login. */
    private record Synced(List<GrantedAuthority> authorities, long version) {
    }

    /**
     * The roles the token's user acts with: their engine memberships, brought in step with the token
     * first unless that was done for the same roles and the same login version within the login-cache period.
     *
     * @param state the login's state read for this request
     */
    List<GrantedAuthority> authorities(String userId, Set<Role> claimed, Jwt jwt, LoginVersions.State state, JwtProperties properties) {
        String key = claimed.stream().map(Role::name).sorted().collect(Collectors.joining(","));
        List<GrantedAuthority> known = remembered.lookup(userId, key, state::version);
        if (known != null) {
            return known;
        }
        if (!People.LOGIN_ID.matcher(userId).matches()) {
            throw new InvalidBearerTokenException("The token's user id is not a usable login id");
        }
        long stamp = remembered.stamp();
        Synced synced = null;
        for (int attempt = 1; synced == null; attempt++) {
            try {
                synced = transactions.execute(tx -> sync(userId, claimed, jwt, properties));
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    log.warn("Could not provision token user {}", userId, e);
                    throw new AuthenticationServiceException("Could not provision the token's user", e);
                }
                // Another request of the same user provisioned at the same moment: look again.
                log.debug("Provisioning {} met a concurrent change, attempt {}", userId, attempt, e);
            }
        }
        remembered.remember(userId, key, synced.authorities(), synced.version(), stamp);
        return synced.authorities();
    }

    private Synced sync(String userId, Set<Role> claimed, Jwt jwt, JwtProperties properties) {
        versions.lock(userId);
        if (identity.createUserQuery().userId(userId).count() == 0) {
            create(userId, jwt, properties);
        }
        Set<Role> held = held(userId);
        if (versions.state(userId).signIn() == SignIn.TOKEN) {
            for (Role role : claimed) {
                if (role != Role.ADMIN && !held.contains(role)) {
                    logins.grantRole(userId, role, REASON, BY);
                }
            }
            for (Role role : held) {
                if (role != Role.ADMIN && !claimed.contains(role)) {
                    logins.revokeRole(userId, role, REASON, BY);
                }
            }
            held = held(userId);
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        held.forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        return new Synced(authorities, versions.current(userId));
    }

    /** A new TOKEN login from the token's claims; its password is random and never told anyone. */
    private void create(String userId, Jwt jwt, JwtProperties properties) {
        String name = com.hongda.cms.common.Texts.blankToNull(jwt.getClaimAsString(properties.nameClaim()));
        String email = com.hongda.cms.common.Texts.blankToNull(jwt.getClaimAsString(properties.emailClaim()));
        User user = identity.newUser(userId);
        user.setFirstName(name == null ? userId : name.trim().substring(0, Math.min(name.trim().length(), MAX_NAME)));
        user.setLastName("");
        user.setEmail(email != null && email.length() <= MAX_EMAIL && email.contains("@") ? email : null);
        user.setPassword(randomPassword());
        identity.saveUser(user);
        logins.changed(userId);
        versions.setSignIn(userId, SignIn.TOKEN, false);
        log.info("Provisioned token user {}", userId);
    }

    private Set<Role> held(String userId) {
        Set<Role> held = EnumSet.noneOf(Role.class);
        for (Group g : identity.createGroupQuery().groupMember(userId).list()) {
            for (Role r : Role.values()) {
                if (r.name().equals(g.getId())) {
                    held.add(r);
                }
            }
        }
        return held;
    }

    /** 32 random bytes: a password nobody knows, so even the engine's own check never lets it in. */
    static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
