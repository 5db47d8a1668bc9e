package com.hongda.cms.security;

import static com.hongda.cms.security.PeopleAndRolesTest.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A password someone else chose must be changed first: after createUser and after an administrator's
 * resetPassword, every field but me and changeMyPassword is refused (FORBIDDEN PASSWORD_CHANGE_REQUIRED),
 * on every node, until the person changes it. TOKEN logins have no password at all.
 */
class FirstLoginTest extends IntegrationTest {

    private static final String CREATE = """
            mutation($in: CreateUserInput!) { createUser(input: $in) { person { id signIn } } }""";
    private static final String CHANGE = """
            mutation($c: String!, $n: String!) { changeMyPassword(input: {currentPassword: $c, newPassword: $n}) { changed } }""";
    private static final String RESET = """
            mutation($u: ID!, $p: String!, $why: String!) { resetPassword(input: {userId: $u, newPassword: $p, reason: $why}) {
              userId passwordChangeRequired } }""";
    private static final String WORK = "{ people(first: 1) { totalCount } }";

    @Autowired
    IdentityService identity;

    @Autowired
    LoginVersions versions;

    @Autowired
    LoginCacheProperties cacheProperties;

    @Test
    void aNewUserMustChangeTheInitialPasswordBeforeAnythingElse() {
        String id = newJudge();
        withPassword(id, "Start12345x").document("{ me { id passwordChangeRequired } }").execute()
                .path("me.passwordChangeRequired").entity(Boolean.class).isEqualTo(true);
        passwordChangeRequired(withPassword(id, "Start12345x").document(WORK));
        passwordChangeRequired(withPassword(id, "Start12345x").document(
                "mutation { grantRole(input: {userId: \"x\", role: JUDGE, reason: \"x\"}) { changed } }"));
        // Several fields at once: each refused but me.
        List<ResponseError> errors = new ArrayList<>();
        withPassword(id, "Start12345x").document("{ me { id } people { totalCount } enumLabels(types: [\"Role\"]) { code } }").execute()
                .errors().satisfy(errors::addAll);
        assertThat(errors).hasSize(2).allSatisfy(e -> assertThat(e.getExtensions()).containsEntry("rule", "PASSWORD_CHANGE_REQUIRED"));

        withPassword(id, "Start12345x").document(CHANGE).variable("c", "Start12345x").variable("n", "Mine12345abc").execute()
                .path("changeMyPassword.changed").entity(Boolean.class).isEqualTo(true);
        withPassword(id, "Mine12345abc").document("{ me { passwordChangeRequired } }").execute()
                .path("me.passwordChangeRequired").entity(Boolean.class).isEqualTo(false);
        withPassword(id, "Mine12345abc").document(WORK).execute().path("people.totalCount").entity(Integer.class).satisfies(n ->
                assertThat(n).isPositive());
    }

    @Test
    void bootstrappedUsersAreNotForcedAndTheRefusalIsInTheCallersLanguage() {
        as(Fixtures.JUDGE).document("{ me { passwordChangeRequired } }").execute()
                .path("me.passwordChangeRequired").entity(Boolean.class).isEqualTo(false);
        String id = newJudge();
        GraphQlTester.Response r = HttpGraphQlTester.create(client(id, "en", "Start12345x")).document(WORK).execute();
        r.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN");
            assertThat(e.getMessage()).startsWith("Change your password first");
        }));
    }

    @Test
    void anAdministratorsResetIsRecordedAndForcesAChangeOnEveryNode() {
        String id = newJudge();
        withPassword(id, "Start12345x").document(CHANGE).variable("c", "Start12345x").variable("n", "Mine12345abc").execute()
                .errors().verify();
        EngineIdentityAuthenticationProvider otherNode =
                new EngineIdentityAuthenticationProvider(identity, new LoginCache(cacheProperties), versions);
        assertThat(authorities(otherNode, id, "Mine12345abc")).containsExactly("ROLE_JUDGE");

        as(Fixtures.HR).document(RESET).variable("u", id).variable("p", "Reset12345xy").variable("why", "忘记密码").execute()
                .path("resetPassword.passwordChangeRequired").entity(Boolean.class).isEqualTo(true);

        assertThat(authorities(otherNode, id, "Reset12345xy")).containsExactlyInAnyOrder("ROLE_JUDGE", "PASSWORD_CHANGE_REQUIRED");
        passwordChangeRequired(withPassword(id, "Reset12345xy").document(WORK));
        withPassword(id, "Reset12345xy").document(CHANGE).variable("c", "Reset12345xy").variable("n", "Again12345xy").execute()
                .errors().verify();
        assertThat(authorities(otherNode, id, "Again12345xy")).containsExactly("ROLE_JUDGE");

        as(Fixtures.AUDITOR).document("query($u: ID!) { passwordResets(userId: $u) { userId reason changedBy changedAt } }")
                .variable("u", id).execute()
                .path("passwordResets[0].reason").entity(String.class).isEqualTo("忘记密码")
                .path("passwordResets[0].changedBy").entity(String.class).isEqualTo(Fixtures.HR);
        refused(as(Fixtures.HR).document("query($u: ID!) { passwordResets(userId: $u) { reason } }").variable("u", id), "FORBIDDEN", null);
        // Last, as a wrong password counts towards the engine's lock-out: the other node remembered the
        // reset password, and the change's raised version makes it ask the engine again, which refuses it.
        assertThatThrownBy(() -> authorities(otherNode, id, "Reset12345xy")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void resetsAreRefusedWhereTheyMayNotBeMade() {
        String admin = fixtures.newUser("radm", Role.ADMIN);
        String judge = fixtures.newUser("rjud", Role.JUDGE);
        String huge = "x".repeat(70_000);
        refused(reset(Fixtures.HR, admin, "Reset12345xy", "x"), "FORBIDDEN", null);
        refused(reset(Fixtures.SUPERVISOR, judge, "Reset12345xy", "x"), "FORBIDDEN", null);
        refused(reset(Fixtures.ADMIN, Fixtures.ADMIN, "Reset12345xy", "x"), "BAD_REQUEST", "input.userId");
        refused(reset(Fixtures.ADMIN, judge, "short1", "x"), "BAD_REQUEST", "input.newPassword");
        refused(reset(Fixtures.ADMIN, judge, huge, "x"), "BAD_REQUEST", "input.newPassword");
        refused(reset(Fixtures.ADMIN, judge, "Reset12345xy", " "), "BAD_REQUEST", "input.reason");
        refused(reset(Fixtures.ADMIN, judge, "Reset12345xy", huge), "BAD_REQUEST", "input.reason");
        refused(reset(Fixtures.ADMIN, "no-such-user", "Reset12345xy", "x"), "NOT_FOUND", "input.userId");
        refused(reset(Fixtures.ADMIN, huge, "Reset12345xy", "x"), "BAD_REQUEST", "input.userId");
        // Nothing of it changed the judge's login.
        as(judge).document("{ me { passwordChangeRequired } }").execute()
                .path("me.passwordChangeRequired").entity(Boolean.class).isEqualTo(false);
        as(Fixtures.ADMIN).document(RESET).variable("u", admin).variable("p", "Reset12345xy").variable("why", "交接").execute()
                .path("resetPassword.userId").entity(String.class).isEqualTo(admin);
    }

    @Test
    void aTokenLoginHasNoPasswordSignsInWithoutOneAndIsNeverAskedToChangeIt() {
        String id = fixtures.unique("tok").toLowerCase();
        refused(as(Fixtures.HR).document(CREATE).variable("in", Map.of("id", id, "name", "令牌", "signIn", "TOKEN",
                "password", "Start12345x")), "BAD_REQUEST", "input.password");
        refused(as(Fixtures.HR).document(CREATE).variable("in", Map.of("id", id, "name", "口令", "signIn", "PASSWORD")),
                "BAD_REQUEST", "input.password");
        refused(as(Fixtures.HR).document(CREATE).variable("in", Map.of("id", id, "name", "口令")), "BAD_REQUEST", "input.password");
        refused(as(Fixtures.HR).document(CREATE).variable("in", Map.of("id", id, "name", "令牌", "signIn", "SOMETIMES")),
                "BAD_REQUEST", null);
        as(Fixtures.HR).document(CREATE).variable("in", Map.of("id", id, "name", "令牌", "signIn", "TOKEN", "roles", List.of("JUDGE")))
                .execute().path("createUser.person.signIn").entity(String.class).isEqualTo("TOKEN");
        assertThat(versions.state(id).passwordChangeRequired()).isFalse();

        // HTTP Basic refuses it like a wrong password, whatever the password.
        for (String password : new String[] {"", "Start12345x", "null"}) {
            server("/graphql").defaultHeaders(h -> h.setBasicAuth(id, password)).build().post()
                    .header("Content-Type", "application/json").bodyValue("{\"query\":\"{ me { id } }\"}")
                    .exchange().expectStatus().isUnauthorized();
        }
        refused(reset(Fixtures.ADMIN, id, "Reset12345xy", "x"), "BAD_REQUEST", "input.userId");
        as(Fixtures.HR).document("query($n: String) { people(filter: {nameContains: $n, role: JUDGE}) { nodes { id signIn } } }")
                .variable("n", "令牌").execute().path("people.nodes[*].signIn").entityList(String.class).contains("TOKEN");
    }

    private GraphQlTester.Request<?> reset(String as, String user, String password, String reason) {
        return as(as).document(RESET).variable("u", user).variable("p", password).variable("why", reason);
    }

    private String newJudge() {
        String id = fixtures.unique("first").toLowerCase();
        as(Fixtures.HR).document(CREATE).variable("in", Map.of("id", id, "name", "新评委", "password", "Start12345x",
                "roles", List.of("JUDGE"))).execute().errors().verify();
        return id;
    }

    private static void passwordChangeRequired(GraphQlTester.Request<?> request) {
        List<ResponseError> errors = new ArrayList<>();
        request.execute().errors().satisfy(errors::addAll);
        assertThat(errors).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN");
            assertThat(e.getExtensions()).containsEntry("rule", "PASSWORD_CHANGE_REQUIRED");
        });
    }

    private static List<String> authorities(EngineIdentityAuthenticationProvider node, String user, String password) {
        return node.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password))
                .getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
