package com.hongda.cms.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class SecurityTest extends IntegrationTest {

    private static final String CREATE_MANAGER = """
            mutation { createManager(input: {employeeNo: "X-1", name: "x", branchId: "1", region: URBAN, grade: JUNIOR}) { manager { id } } }
            """;

    @Autowired
    IdentityService identityService;

    @Test
    void anonymousRequestIsRefusedWith401() {
        client(null, null).post().contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { id } }\"}")
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void wrongPasswordIsRefusedWith401() {
        // A user of its own: the engine delays further logins of a user after a failed one,
        // which would trip other tests logging in as a shared test user.
        String user = newUser("pw");
        assertUnauthorized(user, "wrong");
    }

    /** A fresh engine user with the test password and these groups. */
    private String newUser(String prefix, String... groups) {
        String user = fixtures.unique(prefix).toLowerCase();
        org.camunda.bpm.engine.identity.User u = identityService.newUser(user);
        u.setPassword(Fixtures.PASSWORD);
        identityService.saveUser(u);
        for (String group : groups) {
            identityService.createMembership(user, group);
        }
        return user;
    }

    private void assertUnauthorized(String user, String password) {
        org.springframework.test.web.reactive.server.WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + "/graphql").build()
                .post().headers(h -> h.setBasicAuth(user, password)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { id } }\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.errors[0].message").isEqualTo("用户名或密码不正确")
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAUTHORIZED");
    }

    @Autowired
    LoginCache logins;

    @Test
    void aRememberedLoginStillRefusesAnyOtherPassword() {
        String user = newUser("remembered", "HR");
        as(user).document("{ me { roles } }").execute().path("me.roles").entityList(String.class).containsExactly("HR");
        assertThat(logins.lookup(user, Fixtures.PASSWORD, () -> 0)).isNotNull();
        assertUnauthorized(user, Fixtures.PASSWORD + "x");
    }

    @Test
    void aForgottenLoginIsCheckedAgainstTheEngineAndSeesNewRoles() {
        String user = newUser("regrant", "HR");
        as(user).document("{ me { roles } }").execute().path("me.roles").entityList(String.class).containsExactly("HR");
        identityService.createMembership(user, "AUDITOR");
        // Changed behind the service's back: the remembered roles hold until the entry expires...
        as(user).document("{ me { roles } }").execute().path("me.roles").entityList(String.class).containsExactly("HR");
        // ...or until whoever changes them through the service says so.
        logins.forget(user);
        as(user).document("{ me { roles } }").execute().path("me.roles").entityList(String.class)
                .contains("HR", "AUDITOR").hasSize(2);
    }

    @Test
    void healthProbeNeedsNoLogin() {
        org.springframework.test.web.reactive.server.WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port).build()
                .get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void meNamesTheCallerAndTheirRolesFromTheEngineGroups() {
        as(Fixtures.SERVICE).document("{ me { id roles } }").execute()
                .path("me.id").entity(String.class).isEqualTo(Fixtures.SERVICE)
                .path("me.roles").entityList(String.class).containsExactly("SERVICE_DESK");
    }

    @Test
    void onlyHrAndAdminCreateManagers() {
        for (String user : new String[] {Fixtures.AUDITOR, Fixtures.SUPERVISOR, Fixtures.MANAGER, Fixtures.CANDIDATE, Fixtures.COMMITTEE}) {
            assertForbidden(user, CREATE_MANAGER);
        }
    }

    @Test
    void auditorChangesNothing() {
        assertForbidden(Fixtures.AUDITOR, """
                mutation { createCustomer(input: {name: "x", type: ENTERPRISE, industry: OTHER, region: URBAN, employees: 1, monthlyRevenue: 1}) { customer { id } } }
                """);
        assertForbidden(Fixtures.AUDITOR, """
                mutation { assignCustomer(input: {customerId: "1", managerId: "1"}) { customer { id } } }
                """);
        assertForbidden(Fixtures.AUDITOR, """
                mutation { reassignCustomer(input: {customerId: "1", managerId: "1"}) { customer { id } } }
                """);
        assertForbidden(Fixtures.AUDITOR, """
                mutation { updateCustomer(input: {id: "1", name: "y"}) { customer { id } } }
                """);
    }

    @Test
    void candidatesReadNeitherManagersNorCustomers() {
        assertForbidden(Fixtures.CANDIDATE, "{ managers { totalCount } }");
        assertForbidden(Fixtures.CANDIDATE, "{ customers { totalCount } }");
        assertForbidden(Fixtures.JUDGE, "{ customers { totalCount } }");
    }

    @Test
    void onlySupervisorsAndAdminsAssignCustomers() {
        assertForbidden(Fixtures.HR, "mutation { assignCustomer(input: {customerId: \"1\", managerId: \"1\"}) { customer { id } } }");
        assertForbidden(Fixtures.MANAGER, "mutation { assignCustomer(input: {customerId: \"1\", managerId: \"1\"}) { customer { id } } }");
        assertForbidden(Fixtures.SERVICE, "mutation { reassignCustomer(input: {customerId: \"1\", managerId: \"1\"}) { customer { id } } }");
    }

    @org.springframework.beans.factory.annotation.Autowired
    Logins roleLogins;

    @Test
    void firstAdministratorIsCreatedFromTheEnvironmentOnceAndNeverOverwritten() {
        String id = fixtures.unique("boot").toLowerCase();
        new IdentityBootstrap(identityService, roleLogins, id, "first-secret").run(null);
        assertThat(identityService.checkPassword(id, "first-secret")).isTrue();
        assertThat(identityService.createGroupQuery().groupMember(id).singleResult().getId()).isEqualTo("ADMIN");
        // The grant is in the role history like any other.
        assertThat(fixtures.jdbc().queryForList("select concat(role, ' ', reason, ' ', changed_by) from role_change where user_id = ?",
                String.class, id)).containsExactly("ADMIN BOOTSTRAP system");

        new IdentityBootstrap(identityService, roleLogins, id, "other-secret").run(null);
        assertThat(identityService.checkPassword(id, "first-secret")).isTrue();
        assertThat(identityService.checkPassword(id, "other-secret")).isFalse();
    }

    @Test
    void everyRoleHasAnEngineGroup() {
        for (Role role : Role.values()) {
            assertThat(identityService.createGroupQuery().groupId(role.name()).count()).as(role.name()).isEqualTo(1);
        }
    }

    private void assertForbidden(String user, String document) {
        as(user).document(document).execute().errors().satisfy(errors -> {
            assertThat(errors).isNotEmpty();
            assertThat(errors).allSatisfy(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN"));
        });
    }
}
