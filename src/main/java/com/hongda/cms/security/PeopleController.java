package com.hongda.cms.security;

import com.hongda.cms.common.Batches;
import com.hongda.cms.common.Connection;
import com.hongda.cms.common.PageArgs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** People and their roles: the picker's look-up, creating logins, granting and revoking roles, and their history. */
@Controller
class PeopleController {

    private final People people;

    PeopleController(People people) {
        this.people = people;
    }

    record PeopleFilter(Role role, @Size(max = 100) String nameContains, Boolean enabled) {
    }

    record LoginStatusInput(@NotBlank @Size(max = 64) String userId, @NotBlank @Size(max = 500) String reason) {
    }

    record LoginStatusPayload(String userId, boolean enabled, boolean changed) {
    }

    record CreateUserInput(@NotBlank @Size(max = 64) String id, @NotBlank @Size(max = 100) String name,
                           @Email @Size(max = 254) String email, @NotNull @Size(max = 200) String password,
                           @Size(max = 10) List<@NotNull Role> roles, @Size(max = 500) String reason) {
    }

    record RoleInput(@NotBlank @Size(max = 64) String userId, @NotNull Role role, @NotBlank @Size(max = 500) String reason) {
    }

    record UserPayload(Person person) {
    }

    record ChangePasswordInput(@NotNull @Size(max = 200) String currentPassword, @NotNull @Size(max = 200) String newPassword) {
    }

    record ChangePasswordPayload(boolean changed) {
    }

    @QueryMapping
    @PreAuthorize(Access.STAFF)
    Connection<Person> people(@Argument @Valid PeopleFilter filter, @Argument Integer first, @Argument String after,
                              @Argument Integer last, @Argument String before) {
        PeopleFilter f = filter == null ? new PeopleFilter(null, null, null) : filter;
        return people.page(f.role(), f.nameContains(), f.enabled(), new PageArgs(first, after, last, before));
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('AUDITOR','ADMIN')")
    Connection<RoleChange> roleChanges(@Argument @Size(max = 64) String userId, @Argument Integer first,
                                       @Argument String after, @Argument Integer last, @Argument String before) {
        return people.roleChanges(userId, new PageArgs(first, after, last, before));
    }

    @MutationMapping
    @PreAuthorize(Access.HR_OR_ADMIN)
    UserPayload createUser(@Argument @Valid CreateUserInput input) {
        return new UserPayload(people.create(input.id().trim(), input.name(), input.email(), input.password(),
                input.roles() == null ? List.of() : input.roles().stream().distinct().toList(), input.reason()));
    }

    @MutationMapping
    @PreAuthorize(Access.HR_OR_ADMIN)
    People.RoleChangeResult grantRole(@Argument @Valid RoleInput input) {
        return people.grant(input.userId().trim(), input.role(), input.reason());
    }

    @MutationMapping
    @PreAuthorize(Access.HR_OR_ADMIN)
    People.RoleChangeResult revokeRole(@Argument @Valid RoleInput input) {
        return people.revoke(input.userId().trim(), input.role(), input.reason());
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('AUDITOR','ADMIN')")
    List<People.LoginStatusChange> loginStatusChanges(@Argument @NotBlank @Size(max = 64) String userId) {
        return people.statusChanges(userId);
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    LoginStatusPayload disableUser(@Argument @Valid LoginStatusInput input) {
        String id = input.userId().trim();
        return new LoginStatusPayload(id, false, people.setEnabled(id, false, input.reason()));
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    LoginStatusPayload enableUser(@Argument @Valid LoginStatusInput input) {
        String id = input.userId().trim();
        return new LoginStatusPayload(id, true, people.setEnabled(id, true, input.reason()));
    }

    /** Any signed-in user, for their own login (not for a bearer-token identity, which has no password here). */
    @MutationMapping
    @PreAuthorize("isAuthenticated()")
    ChangePasswordPayload changeMyPassword(@Argument @Valid ChangePasswordInput input) {
        people.changeOwnPassword(input.currentPassword(), input.newPassword());
        return new ChangePasswordPayload(true);
    }

    @BatchMapping(typeName = "Person")
    Map<Person, Boolean> enabled(List<Person> batch) {
        return Batches.pair(batch, Person::id, people.enabled(batch.stream().map(Person::id).toList()), true);
    }

    @BatchMapping(typeName = "Person")
    Map<Person, List<Role>> roles(List<Person> batch) {
        return Batches.pair(batch, Person::id, people.roles(batch.stream().map(Person::id).toList()), List.of());
    }
}
