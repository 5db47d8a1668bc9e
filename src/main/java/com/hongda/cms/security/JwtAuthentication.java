package com.hongda.cms.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified JWT into the same kind of caller a Basic login gives: the user id from the
 * configured claim, and the roles of the roles claim that name a {@link Role}. Other values are
 * ignored, so an identity provider's own roles grant nothing here, and so is ADMIN: the identity
 * provider grants with HR's rights (see {@link TokenUsers}). With provisioning (the default) the
 * caller's roles are their engine memberships, kept in step with the token by {@link TokenUsers};
 * without it, the token's roles as they are. A disabled login is refused either way.
 */
class JwtAuthentication implements Converter<Jwt, AbstractAuthenticationToken> {

    /** Engine user ids, and the columns that record who acted, hold at most 64 characters. */
    private static final int MAX_USER_ID = 64;

    private final JwtProperties properties;
    private final LoginVersions versions;
    private final TokenUsers users;

    /** @param users provisions token users; unused when {@code properties.provisionUsers()} is false */
    JwtAuthentication(JwtProperties properties, LoginVersions versions, TokenUsers users) {
        this.properties = properties;
        this.versions = versions;
        this.users = users;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String userId = jwt.getClaimAsString(properties.userClaim());
        if (userId == null || userId.isBlank() || userId.length() > MAX_USER_ID) {
            throw new InvalidBearerTokenException("The token names no usable user in claim " + properties.userClaim());
        }
        LoginVersions.State state = versions.state(userId);
        if (state.disabled()) {
            throw new InvalidBearerTokenException("The account of " + userId + " is disabled");
        }
        Set<Role> claimed = EnumSet.noneOf(Role.class);
        values(claim(jwt.getClaims(), properties.rolesClaim())).forEach(name -> {
            for (Role r : Role.values()) {
                if (r.name().equals(name) && r != Role.ADMIN) {
                    claimed.add(r);
                }
            }
        });
        List<GrantedAuthority> authorities = properties.provisionUsers()
                ? users.authorities(userId, claimed, jwt, state, properties)
                : claimed.stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        return new JwtAuthenticationToken(jwt, authorities, userId);
    }

    /** The value at a dotted path such as {@code realm_access.roles}, or null. */
    private static Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    private static Stream<String> values(Object claim) {
        if (claim instanceof Collection<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast);
        }
        if (claim instanceof String text) {
            return Arrays.stream(text.split("[\\s,]+")).filter(s -> !s.isEmpty());
        }
        return Stream.empty();
    }
}
