package com.hongda.cms;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.security.IdentityBootstrap;
import com.hongda.cms.security.Role;
import com.hongda.cms.support.EngineJobs;
import com.hongda.cms.support.InboxClient;
import com.hongda.cms.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * README "Going live": a company set up entirely through GraphQL, starting from the first
 * administrator (made as {@code ADMIN_USERNAME} makes it): HR, a regional company and a branch with
 * its head, judges and a committee member, the managers already in post with their supervisors, and
 * a candidate; everyone changes the password they were given at their first sign-in. Then a
 * recruitment runs with exactly those people to a hire, whom the branch head supervises on probation.
 * The auditor reads who granted which role to whom. Runs on H2 and on MariaDB (the mysql profile).
 */
class GoingLiveTest extends IntegrationTest {

    /**
     * Login ids of this run that sort before every other login: the interview panel is the first
     * enabled members of the JUDGE group by login id, and the test database is shared with other
     * tests (and, on MariaDB, with earlier runs, whose ids sort after a later run's).
     */
    private static final String RUN = String.format("0%013d", 9_999_999_999_999L - System.currentTimeMillis());

    @Autowired
    IdentityBootstrap identities;

    @Autowired
    EngineJobs jobs;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    /** The password each person of this story holds now. */
    private final Map<String, String> passwords = new HashMap<>();

    @Test
    void aNewCompanyIsSetUpThroughGraphQlAndHiresItsFirstTrainee() {
        String admin = RUN + "-admin";
        identities.createUser(admin, admin, "First-admin-1", Role.ADMIN);
        passwords.put(admin, "First-admin-1");

        // The administrator creates HR; HR changes the password at the first sign-in.
        String hr = person(admin, RUN + "-hr", "人力资源部 周敏", List.of("HR"), null);

        // HR sets up a regional company with a branch, its head and the people of the workflow.
        String region = id(as(hr, "mutation($in: CreateBranchInput!) { createBranch(input: $in) { branch { id } } }",
                Map.of("in", Map.of("code", "R" + RUN.substring(6), "name", "区域公司 " + RUN, "region", "URBAN"))),
                "createBranch.branch.id");
        String head = person(hr, RUN + "-head", "城东支行行长 吴刚", List.of("SUPERVISOR"), region);
        String deputy = person(hr, RUN + "-deputy", "客户部主管 郑强", List.of("SUPERVISOR"), region);
        String branch = id(as(hr, "mutation($in: CreateBranchInput!) { createBranch(input: $in) { branch { id } } }",
                Map.of("in", Map.of("code", "B" + RUN.substring(6), "name", "城东支行 " + RUN, "region", "URBAN",
                        "parentId", region, "headId", head, "settings", Map.of("seniorCapPercent", 25, "juniorTargetPercent", 25)))),
                "createBranch.branch.id");
        List<String> judges = List.of(person(hr, RUN + "-j1", "评审委员 冯一", List.of("JUDGE"), branch),
                person(hr, RUN + "-j2", "评审委员 冯二", List.of("JUDGE"), branch),
                person(hr, RUN + "-j3", "评审委员 冯三", List.of("JUDGE"), branch));
        try {
            recruitAndAudit(admin, hr, head, deputy, branch, region, judges);
        } finally {
            // This company's judges sort first in the JUDGE group: they leave, so that the panels of
            // other tests on the same database are drawn as before (their history stays).
            for (String judge : judges) {
                call(admin, "mutation($u: ID!) { disableUser(input: {userId: $u, reason: \"测试结束\"}) { changed } }",
                        Map.of("u", judge));
            }
        }
    }

    private void recruitAndAudit(String admin, String hr, String head, String deputy, String branch, String region,
                                 List<String> judges) {
        person(hr, RUN + "-committee", "晋级管理小组 郑华", List.of("COMMITTEE"), region);
        String auditor = person(admin, RUN + "-auditor", "内审 曹明", List.of("AUDITOR"), null);

        // The managers already in post: the head supervises them by default, one is given to the deputy.
        String wangLogin = person(hr, RUN + "-wang", "客户经理 王芳", List.of("MANAGER", "EMPLOYEE"), branch);
        String create = "mutation($in: CreateManagerInput!) { createManager(input: $in) { manager { id supervisorId region } } }";
        GraphQlTester.Response wang = call(hr, create, Map.of("in", Map.of("employeeNo", "W" + RUN.substring(4), "name", "王芳",
                "userId", wangLogin, "branchId", branch, "grade", "SENIOR", "gradeSince", "2024-01-01")));
        wang.path("createManager.manager.supervisorId").entity(String.class).isEqualTo(head);
        String li = id(call(hr, create, Map.of("in", Map.of("employeeNo", "L" + RUN.substring(4), "name", "李强",
                "branchId", branch, "grade", "JUNIOR"))), "createManager.manager.id");
        call(hr, "mutation($m: ID!, $s: ID!) { changeSupervisor(input: {managerId: $m, supervisorId: $s, reason: \"分管\"}) { changed } }",
                Map.of("m", li, "s", deputy)).path("changeSupervisor.changed").entity(Boolean.class).isEqualTo(true);

        // The pickers a front end offers find them.
        call(hr, "query($b: ID) { people(filter: {role: SUPERVISOR, branchId: $b}) { nodes { id branch { id } } } }", Map.of("b", region))
                .path("people.nodes[*].id").entityList(String.class).containsExactly(deputy, head);
        call(hr, "query($b: ID!) { branch(id: $b) { head { id } parent { id } headCounts { grade status count } } }", Map.of("b", branch))
                .path("branch.head.id").entity(String.class).isEqualTo(head)
                .path("branch.parent.id").entity(String.class).isEqualTo(region)
                .path("branch.headCounts[*].count").entityList(Integer.class).containsExactly(1, 1);

        // A candidate, given a login by HR, applies to the branch.
        String candidate = person(hr, RUN + "-cand", "报名人员 林晨", List.of("CANDIDATE"), null);
        GraphQlTester.Response submitted = call(candidate, """
                mutation($b: ID!) { submitApplication(input: {name: "林晨", phone: "13900001111", origin: EXTERNAL,
                  education: BACHELOR, yearsOfExperience: 3, performanceSummary: "三年客户服务经验", declaresEthics: true,
                  declaresNoBadRecord: true, declaresHealthy: true, branchId: $b}) { application { id processInstanceId region } } }""",
                Map.of("b", branch));
        submitted.path("submitApplication.application.region").entity(String.class).isEqualTo("URBAN");
        String application = id(submitted, "submitApplication.application.id");
        String pi = id(submitted, "submitApplication.application.processInstanceId");
        String bk = "APPLICATION-" + application;
        jobs.runDue(pi);

        InboxClient inbox = new InboxClient(this::as);
        inbox.work(hr, bk, "hrReview", Map.of("qualificationDecision", "ACCEPT"));
        inbox.work(hr, bk, "scoreProfile", Map.of("educationScore", "85", "experienceScore", "80", "performanceScore", "82"));
        inbox.work(hr, bk, "writtenTest", Map.of("writtenScore", "78"));
        jobs.runDue(pi);
        assertThat(runtime.getVariable(pi, "interviewers")).isEqualTo(judges);
        for (String judge : judges) {
            inbox.work(judge, bk, "interview", Map.of("interviewScore", "88"));
        }
        jobs.runDue(pi);
        // No supervisor named: the branch head supervises the trainee.
        inbox.work(hr, bk, "finalApproval", Map.of("finalDecision", "APPROVE"));
        jobs.runDue(pi);

        GraphQlTester.Response hired = call(candidate, """
                query($id: ID!) { application(id: $id) { state manager { id grade status supervisorId branch { id } } } me { roles } }""",
                Map.of("id", application));
        hired.path("application.state").entity(String.class).isEqualTo("HIRED")
                .path("application.manager.grade").entity(String.class).isEqualTo("TRAINEE")
                .path("application.manager.supervisorId").entity(String.class).isEqualTo(head)
                .path("application.manager.branch.id").entity(String.class).isEqualTo(branch)
                .path("me.roles").entityList(String.class).contains("MANAGER");
        String trainee = id(hired, "application.manager.id");
        String probation = runtime.createProcessInstanceQuery().processInstanceBusinessKey("PROBATION-" + trainee)
                .singleResult().getId();
        assertThat(runtime.getVariable(probation, "supervisorId")).isEqualTo(head);

        // The auditor reads who granted which role to whom.
        GraphQlTester.Response grants = call(auditor, "query($u: ID) { roleChanges(userId: $u) { nodes { role action changedBy reason } } }",
                Map.of("u", candidate));
        assertThat(grants.path("roleChanges.nodes").entityList(Map.class).get())
                .extracting(c -> c.get("role") + " " + c.get("action") + " " + c.get("changedBy"))
                .containsExactly("MANAGER GRANT " + hr, "CANDIDATE GRANT " + hr);
        call(auditor, "query($u: ID) { roleChanges(userId: $u) { nodes { role changedBy } } }", Map.of("u", hr))
                .path("roleChanges.nodes[0].changedBy").entity(String.class).isEqualTo(admin);
    }

    /**
     * {@code creator} creates a login with its roles (and branch) and a first password; the person
     * signs in, is asked to change it, and does.
     */
    private String person(String creator, String id, String name, List<String> roles, String branchId) {
        Map<String, Object> in = new HashMap<>(Map.of("id", id, "name", name, "password", "Given-pw-123", "roles", roles,
                "reason", "上线"));
        if (branchId != null) {
            in.put("branchId", branchId);
        }
        call(creator, "mutation($in: CreateUserInput!) { createUser(input: $in) { person { id } } }", Map.of("in", in));
        passwords.put(id, "Given-pw-123");
        client(id).document("{ me { passwordChangeRequired } }").execute()
                .path("me.passwordChangeRequired").entity(Boolean.class).isEqualTo(true);
        answered(client(id).document("{ branches { totalCount } }"), "FORBIDDEN", null, "PASSWORD_CHANGE_REQUIRED");
        call(id, "mutation($c: String!, $n: String!) { changeMyPassword(input: {currentPassword: $c, newPassword: $n}) { changed } }",
                Map.of("c", "Given-pw-123", "n", "Own-pw-" + id));
        passwords.put(id, "Own-pw-" + id);
        return id;
    }

    private HttpGraphQlTester client(String user) {
        return withPassword(user, passwords.get(user));
    }

    /** The GraphQL client of a person of this story (for the inbox client). */
    @Override
    protected HttpGraphQlTester as(String user) {
        return passwords.containsKey(user) ? client(user) : super.as(user);
    }

    private GraphQlTester.Response as(String user, String document, Map<String, Object> variables) {
        return call(user, document, variables);
    }

    private GraphQlTester.Response call(String user, String document, Map<String, Object> variables) {
        GraphQlTester.Request<?> request = client(user).document(document);
        for (Map.Entry<String, Object> v : variables.entrySet()) {
            request = request.variable(v.getKey(), v.getValue());
        }
        GraphQlTester.Response response = request.execute();
        response.errors().verify();
        return response;
    }

    private static String id(GraphQlTester.Response response, String path) {
        return response.path(path).entity(String.class).get();
    }
}
