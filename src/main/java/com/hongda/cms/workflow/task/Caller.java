package com.hongda.cms.workflow.task;

import com.hongda.cms.security.CurrentUser;
import com.hongda.cms.security.Role;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The calling user and the engine groups they belong to (their roles). */
public record Caller(String id, List<String> groups) {

    public static Caller current() {
        String id = CurrentUser.id();
        List<String> groups = SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .toList();
        return new Caller(id, groups);
    }

    boolean manages() {
        return CurrentUser.hasAnyRole(Role.HR, Role.ADMIN);
    }
}
