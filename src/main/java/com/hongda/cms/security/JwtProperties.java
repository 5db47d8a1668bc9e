package com.hongda.cms.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a bearer JWT names its user and roles. Used only when a JWT issuer or key is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.*}).
 *
 * @param userClaim      claim holding the user id, e.g. {@code sub} or {@code preferred_username}
 * @param rolesClaim     claim holding the roles, a list or a space- or comma-separated string; a dotted
 *                       path reaches into nested objects, e.g. {@code realm_access.roles} (Keycloak)
 * @param provisionUsers whether a token's user becomes an engine user at first sign-in and its roles
 *                       (but ADMIN) engine memberships kept in step with the token ({@link TokenUsers});
 *                       default true. False: the token alone decides the roles of each request, and
 *                       its user is unknown to the workflow (task candidates, panels, pickers)
 * @param nameClaim      claim holding the display name of a provisioned user; default {@code name}
 * @param emailClaim     claim holding the e-mail address of a provisioned user; default {@code email}
 */
@Validated
@ConfigurationProperties("cms.security.jwt")
public record JwtProperties(@NotBlank String userClaim, @NotBlank String rolesClaim, Boolean provisionUsers,
                            @NotBlank String nameClaim, @NotBlank String emailClaim) {

    public JwtProperties {
        if (userClaim == null) {
            userClaim = "sub";
        }
        if (rolesClaim == null) {
            rolesClaim = "roles";
        }
        if (provisionUsers == null) {
            provisionUsers = true;
        }
        if (nameClaim == null) {
            nameClaim = "name";
        }
        if (emailClaim == null) {
            emailClaim = "email";
        }
    }
}
