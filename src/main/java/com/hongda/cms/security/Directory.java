package com.hongda.cms.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/** Looks up people (engine users) by id, many at a time. */
@Service
public class Directory {

    private final IdentityService identityService;

    Directory(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The people with these ids; ids that are no user are absent from the map. */
    public Map<String, Person> people(Collection<String> ids) {
        List<String> distinct = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (distinct.isEmpty()) {
            return Map.of();
        }
        return identityService.createUserQuery().userIdIn(distinct.toArray(String[]::new)).list().stream()
                .map(Directory::toPerson)
                .collect(Collectors.toMap(Person::id, Function.identity()));
    }

    public boolean exists(String userId) {
        return userId != null && identityService.createUserQuery().userId(userId).count() > 0;
    }

    /** Whether the user exists and holds the role (is a member of its group). */
    public boolean holds(String userId, String role) {
        return userId != null && role != null
                && identityService.createUserQuery().userId(userId).memberOfGroup(role).count() > 0;
    }

    static Person toPerson(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return new Person(user.getId(), name.isEmpty() ? user.getId() : name, user.getEmail());
    }
}
