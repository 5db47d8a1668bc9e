package com.hongda.cms.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a bearer JWT names its user and roles. Used only when a JWT issuer or key is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.*}).
 *
 * @param userClaim  claim holding the user id, e.g. {@code sub} or {@code preferred_username}
 * @param rolesClaim claim holding the roles, a list or a space- or comma-separated string; a dotted
 *                   path reaches into nested objects, e.g. {@code realm_access.roles} (Keycloak)
 */
@Validated
@ConfigurationProperties("cms.security.jwt")
public record JwtProperties(@NotBlank String userClaim, @NotBlank String rolesClaim) {

    public JwtProperties {
        if (userClaim == null) {
            userClaim = "sub";
        }
        if (rolesClaim == null) {
            rolesClaim = "roles";
        }
    }
}
