package com.hongda.cms.security;

import java.util.Arrays;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated caller of the current request. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static String id() {
        return authentication().getName();
    }

    /** Whether a request's caller is known; false in work the service does by itself (start-up, jobs). */
    public static boolean isPresent() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated();
    }

    public static boolean hasAnyRole(Role... roles) {
        Authentication auth = authentication();
        for (GrantedAuthority a : auth.getAuthorities()) {
            String authority = a.getAuthority();
            if (Arrays.stream(roles).anyMatch(r -> r.authority().equals(authority))) {
                return true;
            }
        }
        return false;
    }

    private static Authentication authentication() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("No authenticated user");
        }
        return auth;
    }
}
