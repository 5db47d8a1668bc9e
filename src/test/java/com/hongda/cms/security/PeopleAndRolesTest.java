package com.hongda.cms.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.Simultaneously;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * People and roles through the API: HR and ADMIN create logins, grant and revoke roles with a reason,
 * the auditor reads every change, the last administrator keeps ADMIN, and bad input is refused.
 */
class PeopleAndRolesTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    com.hongda.cms.workflow.ScoringPanel panel;

    private static final String CREATE = """
            mutation($in: CreateUserInput!) { createUser(input: $in) { person { id name email roles } } }""";
    private static final String GRANT = """
            mutation($u: ID!, $r: Role!, $why: String!) { grantRole(input: {userId: $u, role: $r, reason: $why}) { userId role changed } }""";
    private static final String REVOKE = """
            mutation($u: ID!, $r: Role!, $why: String!) { revokeRole(input: {userId: $u, role: $r, reason: $why}) { userId role changed } }""";
    private static final String CHANGES = """
            query($u: ID) { roleChanges(userId: $u) { totalCount nodes { role action reason changedBy } } }""";

    @Test
    void hrCreatesAJudgeWhoCanLogInAndTheAuditorSeesWhoGrantedWhat() {
        String id = fixtures.unique("judge").toLowerCase();
        as(Fixtures.HR).document(CREATE).variable("in", Map.of("id", id, "name", "评委甲", "email", "j@example.com",
                        "password", "Start12345x", "roles", List.of("JUDGE"), "reason", "2027 评审"))
                .execute().path("createUser.person.roles").entityList(String.class).containsExactly("JUDGE");
        withPassword(id, "Start12345x").document("{ me { id roles } }").execute()
                .path("me.roles").entityList(String.class).containsExactly("JUDGE");
        as(Fixtures.HR).document(GRANT).variable("u", id).variable("r", "COMMITTEE").variable("why", "晋升评审委员").execute()
                .path("grantRole.changed").entity(Boolean.class).isEqualTo(true);
        as(Fixtures.HR).document(GRANT).variable("u", id).variable("r", "COMMITTEE").variable("why", "again").execute()
                .path("grantRole.changed").entity(Boolean.class).isEqualTo(false);
        as(Fixtures.HR).document(REVOKE).variable("u", id).variable("r", "JUDGE").variable("why", "本届结束").execute()
                .path("revokeRole.changed").entity(Boolean.class).isEqualTo(true);
        withPassword(id, "Start12345x").document("{ me { roles } }").execute()
                .path("me.roles").entityList(String.class).containsExactly("COMMITTEE");

        GraphQlTester.Response changes = as(Fixtures.AUDITOR).document(CHANGES).variable("u", id).execute();
        changes.path("roleChanges.totalCount").entity(Integer.class).isEqualTo(3);
        changes.path("roleChanges.nodes[0].action").entity(String.class).isEqualTo("REVOKE");
        changes.path("roleChanges.nodes[0].reason").entity(String.class).isEqualTo("本届结束");
        changes.path("roleChanges.nodes[0].changedBy").entity(String.class).isEqualTo(Fixtures.HR);
        changes.path("roleChanges.nodes[2].reason").entity(String.class).isEqualTo("2027 评审");

        as(Fixtures.SUPERVISOR).document("query($n: String) { people(filter: {role: COMMITTEE, nameContains: $n}) { totalCount nodes { id roles } } }")
                .variable("n", "评委甲").execute().path("people.nodes[*].id").entityList(String.class).containsExactly(id);
    }

    @Test
    void onlyAnAdministratorGrantsAdminAndOthersMayNotManageRoles() {
        String id = fixtures.newUser("plain", Role.EMPLOYEE);
        refused(as(Fixtures.HR).document(GRANT).variable("u", id).variable("r", "ADMIN").variable("why", "x"), "FORBIDDEN", null);
        refused(as(Fixtures.HR).document(CREATE).variable("in", Map.of("id", fixtures.unique("adm").toLowerCase(), "name", "甲",
                "password", "Start12345x", "roles", List.of("ADMIN"))), "FORBIDDEN", null);
        for (String user : List.of(Fixtures.SUPERVISOR, Fixtures.AUDITOR, Fixtures.MANAGER)) {
            refused(as(user).document(GRANT).variable("u", id).variable("r", "JUDGE").variable("why", "x"), "FORBIDDEN", null);
            // The auditor reads the history of roles; the others may not.
            refused(as(user).document(CHANGES).variable("u", id), user.equals(Fixtures.AUDITOR) ? null : "FORBIDDEN", null);
        }
        as(Fixtures.ADMIN).document(GRANT).variable("u", id).variable("r", "ADMIN").variable("why", "值班管理员").execute()
                .path("grantRole.changed").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void theLastAdministratorKeepsAdminEvenWhenTwoRevokeEachOtherAtOnce() {
        List<String> admins = fixtures.jdbc().queryForList(
                "select USER_ID_ from ACT_ID_MEMBERSHIP where GROUP_ID_ = 'ADMIN'", String.class);
        String a = fixtures.newUser("adma", Role.ADMIN);
        String b = fixtures.newUser("admb", Role.ADMIN);
        // Everyone else steps down first, so that a and b are the only administrators.
        for (String other : admins) {
            fixtures.jdbc().update("delete from ACT_ID_MEMBERSHIP where USER_ID_ = ? and GROUP_ID_ = 'ADMIN'", other);
        }
        try {
            List<List<ResponseError>> outcomes = Simultaneously.run(2, i -> {
                List<ResponseError> errors = new ArrayList<>();
                as(i == 0 ? a : b).document(REVOKE).variable("u", i == 0 ? b : a).variable("r", "ADMIN").variable("why", "轮换")
                        .execute().errors().satisfy(errors::addAll);
                return errors;
            });
            assertThat(outcomes).filteredOn(List::isEmpty).hasSize(1);
            // The loser is refused: LAST_ADMIN when both requests were let in as administrators, FORBIDDEN when
            // the winner's revocation was committed before the loser's request was authorised (it is no ADMIN then).
            assertThat(outcomes).filteredOn(e -> !e.isEmpty()).singleElement().satisfies(errors ->
                    assertThat(errors).singleElement().satisfies(e -> assertThat(
                            "LAST_ADMIN".equals(e.getExtensions().get("rule")) || "FORBIDDEN".equals(e.getErrorType().toString()))
                            .as(e.getExtensions().toString()).isTrue()));
            assertThat(fixtures.jdbc().queryForObject(
                    "select count(*) from ACT_ID_MEMBERSHIP where GROUP_ID_ = 'ADMIN'", Integer.class)).isEqualTo(1);
        } finally {
            for (String other : admins) {
                fixtures.jdbc().update("insert into ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) values (?, 'ADMIN')", other);
            }
        }
    }

    @Test
    void aUserChangesTheirOwnPasswordWithTheCurrentOne() {
        String id = fixtures.unique("pw").toLowerCase();
        as(Fixtures.ADMIN).document(CREATE).variable("in", Map.of("id", id, "name", "丙", "password", "Start12345x",
                "roles", List.of("EMPLOYEE"))).execute().errors().verify();
        String change = """
                mutation($c: String!, $n: String!) { changeMyPassword(input: {currentPassword: $c, newPassword: $n}) { changed } }""";
        refused(withPassword(id, "Start12345x").document(change).variable("c", "Start12345x").variable("n", "weak"),
                "BAD_REQUEST", "input.newPassword");
        withPassword(id, "Start12345x").document(change).variable("c", "Start12345x").variable("n", "Better12345y").execute()
                .path("changeMyPassword.changed").entity(Boolean.class).isEqualTo(true);
        withPassword(id, "Better12345y").document("{ me { id } }").execute().path("me.id").entity(String.class).isEqualTo(id);
        server("/graphql").defaultHeaders(h -> h.setBasicAuth(id, "Start12345x")).build().post()
                .header("Content-Type", "application/json").bodyValue("{\"query\":\"{ me { id } }\"}")
                .exchange().expectStatus().isUnauthorized();
        // Last: a wrong password counts towards the engine's lock-out, which would delay what follows.
        refused(withPassword(id, "Better12345y").document(change).variable("c", "wrong-one-1").variable("n", "Other12345z"),
                "BAD_REQUEST", "input.currentPassword");
    }

    @Test
    void aDisabledLoginCannotSignInAndLeavesPickersAndPanelsButKeepsItsHistory() {
        String id = fixtures.unique("off").toLowerCase();
        as(Fixtures.ADMIN).document(CREATE).variable("in", Map.of("id", id, "name", "停用者", "password", "Start12345x",
                "roles", List.of("JUDGE"))).execute().errors().verify();
        withPassword(id, "Start12345x").document("{ me { id } }").execute().path("me.id").entity(String.class).isEqualTo(id);
        String disable = "mutation($u: ID!, $why: String!) { disableUser(input: {userId: $u, reason: $why}) { enabled changed } }";
        String enable = "mutation($u: ID!, $why: String!) { enableUser(input: {userId: $u, reason: $why}) { enabled changed } }";
        refused(as(Fixtures.HR).document(disable).variable("u", id).variable("why", "离职"), "FORBIDDEN", null);
        refused(as(Fixtures.ADMIN).document(disable).variable("u", Fixtures.ADMIN).variable("why", "x"), "CONFLICT", "input.userId");
        as(Fixtures.ADMIN).document(disable).variable("u", id).variable("why", "离职").execute()
                .path("disableUser.changed").entity(Boolean.class).isEqualTo(true);

        server("/graphql").defaultHeaders(h -> h.setBasicAuth(id, "Start12345x")).build().post()
                .header("Content-Type", "application/json").bodyValue("{\"query\":\"{ me { id } }\"}")
                .exchange().expectStatus().isUnauthorized();
        String picker = "query($n: String, $e: Boolean) { people(filter: {role: JUDGE, nameContains: $n, enabled: $e}) { nodes { id enabled } } }";
        as(Fixtures.HR).document(picker).variable("n", "停用者").execute().path("people.nodes").entityList(Object.class).hasSize(0);
        as(Fixtures.HR).document(picker).variable("n", "停用者").variable("e", false).execute()
                .path("people.nodes[0].enabled").entity(Boolean.class).isEqualTo(false);
        assertThat(panel.membersOf("JUDGE", 1000)).doesNotContain(id);
        as(Fixtures.AUDITOR).document("query($u: ID!) { loginStatusChanges(userId: $u) { enabled reason changedBy } }")
                .variable("u", id).execute().path("loginStatusChanges[0].reason").entity(String.class).isEqualTo("离职");

        as(Fixtures.ADMIN).document(enable).variable("u", id).variable("why", "返聘").execute()
                .path("enableUser.changed").entity(Boolean.class).isEqualTo(true);
        withPassword(id, "Start12345x").document("{ me { id } }").execute().path("me.id").entity(String.class).isEqualTo(id);
        assertThat(panel.membersOf("JUDGE", 1000)).contains(id);
    }

    @Test
    void fourByteCharactersRoundTripInEveryNewFreeTextField() {
        String text = "好评 👍 𠀀";
        String id = fixtures.unique("emoji").toLowerCase();
        as(Fixtures.ADMIN).document(CREATE).variable("in", Map.of("id", id, "name", text, "password", "Start12345x",
                "roles", List.of("EMPLOYEE"), "reason", text)).execute().path("createUser.person.name").entity(String.class).isEqualTo(text);
        as(Fixtures.ADMIN).document(GRANT).variable("u", id).variable("r", "JUDGE").variable("why", text).execute().errors().verify();
        as(Fixtures.AUDITOR).document(CHANGES).variable("u", id).execute().path("roleChanges.nodes[*].reason")
                .entityList(String.class).containsExactly(text, text);
        as(Fixtures.ADMIN).document("mutation($u: ID!, $why: String!) { disableUser(input: {userId: $u, reason: $why}) { changed } }")
                .variable("u", id).variable("why", text).execute().errors().verify();
        as(Fixtures.AUDITOR).document("query($u: ID!) { loginStatusChanges(userId: $u) { reason } }").variable("u", id).execute()
                .path("loginStatusChanges[0].reason").entity(String.class).isEqualTo(text);
        as(Fixtures.HR).document("query($n: String) { people(filter: {nameContains: $n, enabled: false}) { nodes { name } } }")
                .variable("n", "👍").execute().path("people.nodes[0].name").entity(String.class).isEqualTo(text);

        String manager = fixtures.manager(fixtures.unique("e"), com.hongda.cms.common.Region.URBAN,
                com.hongda.cms.manager.Grade.JUNIOR).getId().toString();
        as(Fixtures.HR).document("""
                mutation($m: ID!, $why: String!) { changeSupervisor(input: {managerId: $m, supervisorId: "t-supervisor2", reason: $why}) {
                  manager { supervisorHistory { reason } } } }""").variable("m", manager).variable("why", text).execute()
                .path("changeSupervisor.manager.supervisorHistory[-1].reason").entity(String.class).isEqualTo(text);
        as(Fixtures.HR).document("""
                mutation($m: ID!, $note: String) { recordLeave(input: {managerId: $m, kind: SICK, startsOn: "2026-11-02",
                  endsOn: "2026-11-03", note: $note}) { leave { note } } }""").variable("m", manager).variable("note", text).execute()
                .path("recordLeave.leave.note").entity(String.class).isEqualTo(text);
    }

    @Test
    void badInputIsRefusedFieldByField() {
        String huge = "x".repeat(70_000);
        Map<String, Object> weak = Map.of("id", fixtures.unique("w").toLowerCase(), "name", "乙", "password", "short1");
        refused(as(Fixtures.ADMIN).document(CREATE).variable("in", weak), "BAD_REQUEST", "input.password");
        refused(as(Fixtures.ADMIN).document(CREATE).variable("in", Map.of("id", "bad id!", "name", "乙", "password", "Start12345x")),
                "BAD_REQUEST", "input.id");
        refused(as(Fixtures.ADMIN).document(CREATE).variable("in", Map.of("id", huge, "name", "乙", "password", "Start12345x")),
                "BAD_REQUEST", "input.id");
        refused(as(Fixtures.ADMIN).document(CREATE).variable("in", Map.of("id", Fixtures.HR, "name", "乙", "password", "Start12345x")),
                "CONFLICT", "input.id");
        refused(as(Fixtures.ADMIN).document(GRANT).variable("u", "no-such-user").variable("r", "JUDGE").variable("why", "x"),
                "NOT_FOUND", "input.userId");
        refused(as(Fixtures.ADMIN).document(GRANT).variable("u", Fixtures.HR).variable("r", "JUDGE").variable("why", " "),
                "BAD_REQUEST", "input.reason");
        refused(as(Fixtures.ADMIN).document(GRANT).variable("u", huge).variable("r", "JUDGE").variable("why", "x"),
                "BAD_REQUEST", "input.userId");
        refused(as(Fixtures.ADMIN).document("{ people(filter: {nameContains: \"%\"}, first: 5) { totalCount } }"), null, null);
    }

    /** Refused with this classification and field; a null classification means: answered without error. */
    static void refused(GraphQlTester.Request<?> request, String classification, String field) {
        List<ResponseError> errors = new ArrayList<>();
        request.execute().errors().satisfy(errors::addAll);
        if (classification == null) {
            assertThat(errors).isEmpty();
            return;
        }
        assertThat(errors).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo(classification);
            if (field != null) {
                assertThat(e.getExtensions()).containsEntry("field", field);
            }
        });
    }
}
