package com.hongda.cms.security;

import static com.hongda.cms.security.PeopleAndRolesTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.StatementCounter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person's profile: phone and branch at creation, changed by HR or ADMIN (not an administrator's
 * by HR), the branch a checked reference, and the people picker narrowed to a branch in one statement.
 * Branches are made by the tests' fixtures, unique per run.
 */
class PeopleProfileTest extends IntegrationTest {

    private static final String CREATE = """
            mutation($in: CreateUserInput!) { createUser(input: $in) { person { id name email phone branchId signIn } } }""";
    private static final String UPDATE = """
            mutation($in: UpdateUserInput!) { updateUser(input: $in) { person { id name email phone branchId signIn } } }""";
    private static final String PICKER = """
            query($b: ID, $n: Int) { people(filter: {branchId: $b}, first: $n) { totalCount nodes { id phone branchId signIn roles enabled } } }""";

    @Autowired
    StatementCounter counter;

    @Test
    void hrCreatesAPersonWithPhoneAndBranchAndChangesThemLater() {
        String id = fixtures.unique("prof").toLowerCase();
        String seven = fixtures.branchId(fixtures.unique("P7"));
        String eight = fixtures.branchId(fixtures.unique("P8"));
        var created = as(Fixtures.HR).document(CREATE).variable("in", Map.of("id", id, "name", "钱员工", "email", "q@example.com",
                "phone", "+86 139-0000 1111", "branchId", seven, "password", "Start12345x", "roles", List.of("EMPLOYEE"))).execute();
        created.path("createUser.person.phone").entity(String.class).isEqualTo("+86 139-0000 1111")
                .path("createUser.person.branchId").entity(String.class).isEqualTo(seven)
                .path("createUser.person.signIn").entity(String.class).isEqualTo("PASSWORD");

        // Left out keeps its value; an empty phone clears it.
        as(Fixtures.HR).document(UPDATE).variable("in", Map.of("userId", id, "branchId", eight, "phone", "")).execute()
                .path("updateUser.person.branchId").entity(String.class).isEqualTo(eight)
                .path("updateUser.person.phone").valueIsNull()
                .path("updateUser.person.name").entity(String.class).isEqualTo("钱员工")
                .path("updateUser.person.email").entity(String.class).isEqualTo("q@example.com");
        as(Fixtures.ADMIN).document(UPDATE).variable("in", Map.of("userId", id, "name", " 钱二 ", "email", "q2@example.com",
                "phone", "13900002222")).execute()
                .path("updateUser.person.name").entity(String.class).isEqualTo("钱二")
                .path("updateUser.person.branchId").entity(String.class).isEqualTo(eight);

        // Read back through another look-up than the picker's (the profile loader).
        as(Fixtures.HR).document("query($n: String) { people(filter: {nameContains: $n}) { nodes { id phone branchId email } } }")
                .variable("n", "钱二").execute().path("people.nodes[0].phone").entity(String.class).isEqualTo("13900002222")
                .path("people.nodes[0].email").entity(String.class).isEqualTo("q2@example.com");
    }

    @Test
    void thePickerNarrowsToABranchInTheSameStatementsForAnyPageSize() {
        long branch = Long.parseLong(fixtures.branchId(fixtures.unique("PB")));
        for (int i = 0; i < 6; i++) {
            as(Fixtures.ADMIN).document(CREATE).variable("in", Map.of("id", fixtures.unique("br").toLowerCase(), "name", "分支" + i,
                    "phone", "1390000000" + i, "branchId", Long.toString(branch), "password", "Start12345x",
                    "roles", List.of("JUDGE"))).execute().errors().verify();
        }
        var page = as(Fixtures.HR).document(PICKER).variable("b", Long.toString(branch)).variable("n", 20).execute();
        page.path("people.totalCount").entity(Integer.class).isEqualTo(6);
        assertThat(page.path("people.nodes[*].branchId").entityList(String.class).get()).hasSize(6).containsOnly(Long.toString(branch));
        assertThat(page.path("people.nodes[*].roles[0]").entityList(String.class).get()).containsOnly("JUDGE");
        long small = statements(branch, 2);
        long large = statements(branch, 6);
        // The login's version, the page, the count, the roles, the enabled flags: phone, branch and
        // sign-in come with the page.
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(5);
    }

    private long statements(long branch, int size) {
        as(Fixtures.HR).document(PICKER).variable("b", Long.toString(branch)).variable("n", size).execute().errors().verify();
        counter.reset();
        as(Fixtures.HR).document(PICKER).variable("b", Long.toString(branch)).variable("n", size).execute()
                .path("people.nodes").entityList(Object.class).hasSize(size);
        return counter.count();
    }

    @Test
    void hrMayNotChangeAnAdministratorsProfileButAnAdministratorMay() {
        String admin = fixtures.newUser("padm", Role.ADMIN);
        refused(as(Fixtures.HR).document(UPDATE).variable("in", Map.of("userId", admin, "phone", "110")), "FORBIDDEN", null);
        as(Fixtures.ADMIN).document(UPDATE).variable("in", Map.of("userId", admin, "phone", "110")).execute()
                .path("updateUser.person.phone").entity(String.class).isEqualTo("110");
        for (String user : List.of(Fixtures.SUPERVISOR, Fixtures.AUDITOR, Fixtures.MANAGER)) {
            refused(as(user).document(UPDATE).variable("in", Map.of("userId", Fixtures.JUDGE, "phone", "110")), "FORBIDDEN", null);
        }
    }

    @Test
    void everyNewArgumentAnswersHostileValuesWithAClassifiedError() {
        String huge = "x".repeat(70_000);
        String id = fixtures.newUser("hp", Role.EMPLOYEE);
        // Unknown branch: NOT_FOUND naming the argument, nothing created.
        String fresh = fixtures.unique("nb").toLowerCase();
        refused(as(Fixtures.ADMIN).document(CREATE).variable("in", create(fresh, "branchId", "999999999")), "NOT_FOUND", "input.branchId");
        refused(as(Fixtures.ADMIN).document(UPDATE).variable("in", Map.of("userId", id, "branchId", "999999998")), "NOT_FOUND", "input.branchId");
        assertThat(fixtures.jdbc().queryForObject("select count(*) from ACT_ID_USER where ID_ = ?", Integer.class, fresh)).isZero();
        for (String bad : new String[] {"abc", "-1", "0", "99999999999999999999", huge, "' OR '1'='1"}) {
            refused(as(Fixtures.ADMIN).document(CREATE).variable("in", create(fresh, "branchId", bad)), "BAD_REQUEST", "input.branchId");
            refused(as(Fixtures.ADMIN).document(UPDATE).variable("in", Map.of("userId", id, "branchId", bad)), "BAD_REQUEST", "input.branchId");
            refused(as(Fixtures.HR).document(PICKER).variable("b", bad), "BAD_REQUEST", "filter.branchId");
        }
        for (String bad : new String[] {huge, "call me", "1".repeat(33)}) {
            refused(as(Fixtures.ADMIN).document(CREATE).variable("in", create(fresh, "phone", bad)), "BAD_REQUEST", "input.phone");
            refused(as(Fixtures.ADMIN).document(UPDATE).variable("in", Map.of("userId", id, "phone", bad)), "BAD_REQUEST", "input.phone");
        }
        refused(as(Fixtures.ADMIN).document(UPDATE).variable("in", Map.of("userId", id, "name", huge)), "BAD_REQUEST", "input.name");
        refused(as(Fixtures.ADMIN).document(UPDATE).variable("in", Map.of("userId", id, "name", "  ")), "BAD_REQUEST", "input.name");
        refused(as(Fixtures.ADMIN).document(UPDATE).variable("in", Map.of("userId", id, "email", "not-mail")), "BAD_REQUEST", "input.email");
        refused(as(Fixtures.ADMIN).document(UPDATE).variable("in", Map.of("userId", id, "email", huge + "@x.cn")), "BAD_REQUEST", "input.email");
        refused(as(Fixtures.ADMIN).document(UPDATE).variable("in", Map.of("userId", huge)), "BAD_REQUEST", "input.userId");
        refused(as(Fixtures.ADMIN).document(UPDATE).variable("in", Map.of("userId", "no-such-user")), "NOT_FOUND", "input.userId");
        Map<String, Object> nullId = new HashMap<>();
        nullId.put("userId", null);
        refused(as(Fixtures.ADMIN).document(UPDATE).variable("in", nullId), "BAD_REQUEST", null);
        // Duplicate login, and a role HR may not grant.
        refused(as(Fixtures.HR).document(CREATE).variable("in", create(id, "branchId", fixtures.branchId(fixtures.unique("P1")))), "CONFLICT", "input.id");
        refused(as(Fixtures.HR).document(CREATE).variable("in", create(fresh, "roles", List.of("ADMIN"))), "FORBIDDEN", null);
        // Emoji and rare characters survive in the new text fields.
        as(Fixtures.ADMIN).document(UPDATE).variable("in", Map.of("userId", id, "name", "好评 👍 𠀀")).execute()
                .path("updateUser.person.name").entity(String.class).isEqualTo("好评 👍 𠀀");
    }

    private static Map<String, Object> create(String id, String key, Object value) {
        Map<String, Object> in = new HashMap<>(Map.of("id", id, "name", "丁", "password", "Start12345x"));
        in.put(key, value);
        return in;
    }
}
