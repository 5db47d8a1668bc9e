package com.hongda.cms.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks a user name and password against the engine's identity service (salted hashes, and the
 * engine's lock-out after repeated failures) and grants one authority per engine group. A login
 * the engine accepted is remembered for a short time ({@link LoginCache}), as long as the login's
 * version ({@link LoginVersions}) stays the same.
 */
class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

    /** Engine user ids are at most 64 characters; anything longer cannot be a user. */
    private static final int MAX_USER_ID = 64;
    private static final int MAX_PASSWORD = 256;

    private final IdentityService identityService;
    private final LoginCache logins;
    private final LoginVersions versions;

    EngineIdentityAuthenticationProvider(IdentityService identityService, LoginCache logins, LoginVersions versions) {
        this.identityService = identityService;
        this.logins = logins;
        this.versions = versions;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        if (userId == null || userId.isEmpty() || userId.length() > MAX_USER_ID || password.length() > MAX_PASSWORD) {
            throw new BadCredentialsException("Bad credentials");
        }
        if (!logins.enabled()) {
            LoginVersions.State state = versions.state(userId);
            List<GrantedAuthority> authorities = check(userId, password, state);
            refuseDisabled(state);
            return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
        }
        List<GrantedAuthority> remembered = logins.lookup(userId, password, () -> versions.current(userId));
        if (remembered != null) {
            return UsernamePasswordAuthenticationToken.authenticated(userId, null, remembered);
        }
        long stamp = logins.stamp();
        // Read before the roles: a change committed after this read raises the version past it.
        LoginVersions.State state = versions.state(userId);
        List<GrantedAuthority> authorities = check(userId, password, state);
        // After the password check, so that a disabled account tells nothing to a wrong password.
        refuseDisabled(state);
        logins.remember(userId, password, authorities, state.version(), stamp);
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    /**
     * The user's roles, once the engine has accepted the password, and the mark of a login that must
     * change its password first ({@link PasswordChangeGate}). A login that signs in only with a token
     * is refused like a wrong password: it has no password anyone knows.
     */
    private List<GrantedAuthority> check(String userId, String password, LoginVersions.State state) {
        if (state.signIn() == SignIn.TOKEN || !identityService.checkPassword(userId, password)) {
            throw new BadCredentialsException("Bad credentials");
        }
        List<GrantedAuthority> authorities = new java.util.ArrayList<>(identityService.createGroupQuery().groupMember(userId).list()
                .stream().map(Group::getId).<GrantedAuthority>map(id -> new SimpleGrantedAuthority("ROLE_" + id)).toList());
        if (state.passwordChangeRequired()) {
            authorities.add(PasswordChangeGate.REQUIRED);
        }
        return authorities;
    }

    /** A disabled login signs in no more (disabling raises the version, so no remembered login skips this). */
    static void refuseDisabled(LoginVersions.State state) {
        if (state.disabled()) {
            throw new org.springframework.security.authentication.DisabledException("Account disabled");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
