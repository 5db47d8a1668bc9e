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
 * the engine accepted is remembered for a short time ({@link LoginCache}).
 */
class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

    /** Engine user ids are at most 64 characters; anything longer cannot be a user. */
    private static final int MAX_USER_ID = 64;
    private static final int MAX_PASSWORD = 256;

    private final IdentityService identityService;
    private final LoginCache logins;

    EngineIdentityAuthenticationProvider(IdentityService identityService, LoginCache logins) {
        this.identityService = identityService;
        this.logins = logins;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        if (userId == null || userId.isEmpty() || userId.length() > MAX_USER_ID || password.length() > MAX_PASSWORD) {
            throw new BadCredentialsException("Bad credentials");
        }
        List<GrantedAuthority> remembered = logins.lookup(userId, password);
        if (remembered != null) {
            return UsernamePasswordAuthenticationToken.authenticated(userId, null, remembered);
        }
        long stamp = logins.stamp();
        if (!identityService.checkPassword(userId, password)) {
            throw new BadCredentialsException("Bad credentials");
        }
        List<GrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .<GrantedAuthority>map(id -> new SimpleGrantedAuthority("ROLE_" + id))
                .toList();
        logins.remember(userId, password, authorities, stamp);
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
