package com.hongda.cms.security;

import java.util.List;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;

/**
 * {@code me}: who the caller is and which roles they hold, so a front end can shape its menus, and
 * whether it must show the password form first.
 */
@Controller
class MeController {

    private final Directory directory;

    MeController(Directory directory) {
        this.directory = directory;
    }

    /** The caller's identity and roles, and whether they must change their password before anything else. */
    public record Me(String id, String name, List<Role> roles, boolean passwordChangeRequired) {
    }

    @QueryMapping
    Me me(Authentication authentication) {
        String id = authentication.getName();
        Person person = directory.people(List.of(id)).get(id);
        List<Role> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .flatMap(name -> java.util.Arrays.stream(Role.values()).filter(r -> r.name().equals(name)))
                .toList();
        return new Me(id, person == null ? id : person.name(), roles, PasswordChangeGate.required(authentication));
    }
}
