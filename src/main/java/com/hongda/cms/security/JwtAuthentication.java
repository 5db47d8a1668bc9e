package com.hongda.cms.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified JWT into the same kind of caller a Basic login gives: the user id from the
 * configured claim, and one {@code ROLE_<name>} authority per value of the roles claim that names a
 * {@link Role}. Other values are ignored, so an identity provider's own roles grant nothing here.
 */
class JwtAuthentication implements Converter<Jwt, AbstractAuthenticationToken> {

    /** Engine user ids, and the columns that record who acted, hold at most 64 characters. */
    private static final int MAX_USER_ID = 64;

    private static final Set<String> ROLES = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toUnmodifiableSet());

    private final JwtProperties properties;
    private final LoginVersions versions;

    JwtAuthentication(JwtProperties properties, LoginVersions versions) {
        this.properties = properties;
        this.versions = versions;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String userId = jwt.getClaimAsString(properties.userClaim());
        if (userId == null || userId.isBlank() || userId.length() > MAX_USER_ID) {
            throw new InvalidBearerTokenException("The token names no usable user in claim " + properties.userClaim());
        }
        if (versions.state(userId).disabled()) {
            throw new InvalidBearerTokenException("The account of " + userId + " is disabled");
        }
        List<SimpleGrantedAuthority> authorities = values(claim(jwt.getClaims(), properties.rolesClaim()))
                .filter(ROLES::contains)
                .distinct()
                .map(name -> new SimpleGrantedAuthority("ROLE_" + name))
                .toList();
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
