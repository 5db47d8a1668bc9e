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
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    Directory(IdentityService identityService, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.identityService = identityService;
        this.jdbc = jdbc;
    }

    /**
     * Why {@code userId} may not be named where a person holding {@code role} is asked for (a form's
     * person field, a manager's supervisor), as a refusal naming {@code field} (and the form key
     * {@code key} in its message); empty when they may: an existing user, enabled, holding the role.
     */
    public java.util.Optional<com.hongda.cms.common.DomainException> refusal(String field, String key, String userId, String role) {
        String shown = userId.length() > 64 ? userId.substring(0, 64) + "…" : userId;
        if (!exists(userId)) {
            return java.util.Optional.of(com.hongda.cms.common.DomainException.badRequest(field, "PERSON_NOT_FOUND",
                    "error.form.personNotFound", key, shown));
        }
        if (!isEnabled(userId)) {
            return java.util.Optional.of(com.hongda.cms.common.DomainException.badRequest(field, "PERSON_DISABLED",
                    "error.form.personDisabled", key, userId));
        }
        if (!holds(userId, role)) {
            return java.util.Optional.of(com.hongda.cms.common.DomainException.badRequest(field, "PERSON_ROLE",
                    "error.form.personRole", key, userId, role));
        }
        return java.util.Optional.empty();
    }

    /** Whether the login is enabled (see {@code People#setEnabled}); a login never disabled is. */
    public boolean isEnabled(String userId) {
        Boolean disabled = jdbc.query("select disabled from login_version where user_id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : null, userId);
        return !Boolean.TRUE.equals(disabled);
    }

    /** Enabled members of a role's group, by user id, at most {@code size}: who a panel drawn from the group can be. */
    public List<String> enabledMembersOf(String group, int size) {
        return jdbc.queryForList("select M.USER_ID_ from ACT_ID_MEMBERSHIP M left join login_version L on L.user_id = M.USER_ID_ "
                + "where M.GROUP_ID_ = ? and (L.disabled is null or L.disabled = false) order by M.USER_ID_ limit ?",
                String.class, group, size);
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
        return person(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail());
    }

    /** A person from the engine's user columns: the display name is first and last name, else the id. */
    static Person person(String id, String firstName, String lastName, String email) {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return new Person(id, name.isEmpty() ? id : name, email);
    }
}
