package com.hongda.cms.security;

import com.hongda.cms.common.Batches;
import com.hongda.cms.common.Connection;
import com.hongda.cms.common.PageArgs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** People and their roles: the picker's look-up, creating logins, granting and revoking roles, and their history. */
@Controller
class PeopleController {

    /** Phones as the customer and recruitment forms take them. */
    private static final int PHONE = 32;
    private static final String PHONE_FORMAT = "[0-9+()\\- ]*";

    private final People people;

    /**
     * Registers the loader of phone, branch and sign-in for people the look-up did not load them for
     * (one statement for all people of an answer; the picker's people carry them already).
     */
    PeopleController(People people, BatchLoaderRegistry loaders) {
        this.people = people;
        loaders.forTypePair(String.class, Person.Profile.class).withName("personProfile")
                .registerMappedBatchLoader((ids, env) -> reactor.core.publisher.Mono.fromCallable(() -> people.profiles(ids)));
    }

    record PeopleFilter(Role role, @Size(max = 100) String nameContains, Boolean enabled, @Size(max = 19) String branchId) {
    }

    record LoginStatusInput(@NotBlank @Size(max = 64) String userId, @NotBlank @Size(max = 500) String reason) {
    }

    record LoginStatusPayload(String userId, boolean enabled, boolean changed) {
    }

    record CreateUserInput(@NotBlank @Size(max = 64) String id, @NotBlank @Size(max = 100) String name,
                           @Email @Size(max = 254) String email, @Size(max = PHONE) @Pattern(regexp = PHONE_FORMAT, message = "{validation.phone}") String phone,
                           @Size(max = 19) String branchId, SignIn signIn, @Size(max = 200) String password,
                           @Size(max = 10) List<@NotNull Role> roles, @Size(max = 500) String reason) {
    }

    /** A profile change: fields left out keep their value; an empty e-mail or phone clears it. */
    record UpdateUserInput(@NotBlank @Size(max = 64) String userId,
                           @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "{jakarta.validation.constraints.NotBlank.message}") String name,
                           @Email @Size(max = 254) String email, @Size(max = PHONE) @Pattern(regexp = PHONE_FORMAT, message = "{validation.phone}") String phone,
                           @Size(max = 19) String branchId) {
    }

    record ResetPasswordInput(@NotBlank @Size(max = 64) String userId, @NotNull @Size(max = 200) String newPassword,
                              @NotBlank @Size(max = 500) String reason) {
    }

    record ResetPasswordPayload(String userId, boolean passwordChangeRequired) {
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
        PeopleFilter f = filter == null ? new PeopleFilter(null, null, null, null) : filter;
        return people.page(f.role(), f.nameContains(), f.enabled(), branch("filter.branchId", f.branchId()),
                new PageArgs(first, after, last, before));
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
        People.Details details = new People.Details(input.name(), input.email(), input.phone(), branch("input.branchId", input.branchId()));
        return new UserPayload(people.create(input.id().trim(), details, input.signIn() == null ? SignIn.PASSWORD : input.signIn(),
                input.password(), input.roles() == null ? List.of() : input.roles().stream().distinct().toList(), input.reason()));
    }

    @MutationMapping
    @PreAuthorize(Access.HR_OR_ADMIN)
    UserPayload updateUser(@Argument @Valid UpdateUserInput input) {
        return new UserPayload(people.update(input.userId().trim(), new People.Details(input.name(), input.email(), input.phone(),
                branch("input.branchId", input.branchId()))));
    }

    @MutationMapping
    @PreAuthorize(Access.HR_OR_ADMIN)
    ResetPasswordPayload resetPassword(@Argument @Valid ResetPasswordInput input) {
        String id = input.userId().trim();
        people.resetPassword(id, input.newPassword(), input.reason());
        return new ResetPasswordPayload(id, true);
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('AUDITOR','ADMIN')")
    List<People.PasswordReset> passwordResets(@Argument @NotBlank @Size(max = 64) String userId) {
        return people.passwordResets(userId);
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

    @SchemaMapping(typeName = "Person")
    CompletableFuture<String> phone(Person person, DataLoader<String, Person.Profile> personProfile) {
        return profile(person, personProfile).thenApply(Person.Profile::phone);
    }

    @SchemaMapping(typeName = "Person")
    CompletableFuture<String> branchId(Person person, DataLoader<String, Person.Profile> personProfile) {
        return profile(person, personProfile).thenApply(p -> p.branchId() == null ? null : p.branchId().toString());
    }

    @SchemaMapping(typeName = "Person")
    CompletableFuture<SignIn> signIn(Person person, DataLoader<String, Person.Profile> personProfile) {
        return profile(person, personProfile).thenApply(Person.Profile::signIn);
    }

    private static CompletableFuture<Person.Profile> profile(Person person, DataLoader<String, Person.Profile> loader) {
        return person.profile() != null ? CompletableFuture.completedFuture(person.profile()) : loader.load(person.id());
    }

    /** A branch id as the API takes it (ID), or null. */
    private static Long branch(String field, String id) {
        return id == null ? null : com.hongda.cms.common.Ids.parse(field, id.trim());
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
