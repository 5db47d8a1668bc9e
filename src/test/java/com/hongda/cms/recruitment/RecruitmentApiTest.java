package com.hongda.cms.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/** submitApplication and the application queries over GraphQL: who may do what, and bad input. */
class RecruitmentApiTest extends IntegrationTest {

    private static final String SUBMIT = """
            mutation($in: SubmitApplicationInput!) { submitApplication(input: $in) { application {
              id state candidateUserId submittedBy processInstanceId phone currentSteps } } }""";
    private static final String READ = "query($id: ID!) { application(id: $id) { id name phone email state scores { composite } } }";

    @Autowired
    IdentityService identity;

    @Autowired
    RecruitmentDriver driver;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    @Autowired
    org.camunda.bpm.engine.TaskService tasks;

    @Test
    void candidateAppliesForThemselfAndSeesOnlyTheirOwn() {
        String candidate = newCandidate();
        GraphQlTester.Response r = as(candidate).document(SUBMIT).variable("in", input("丙")).execute();
        r.errors().verify();
        // The eligibility check ran in the submission's transaction.
        r.path("submitApplication.application.state").entity(String.class).isEqualTo("IN_REVIEW");
        r.path("submitApplication.application.candidateUserId").entity(String.class).isEqualTo(candidate);
        r.path("submitApplication.application.phone").entity(String.class).isEqualTo("13900001111");
        String id = r.path("submitApplication.application.id").entity(String.class).get();

        as(candidate).document(READ).variable("id", id).execute().path("application.name").entity(String.class).isEqualTo("丙");
        as(Fixtures.HR).document(READ).variable("id", id).execute().path("application.phone").entity(String.class).isEqualTo("13900001111");
        as(Fixtures.AUDITOR).document(READ).variable("id", id).execute().path("application.email").entity(String.class).isEqualTo("c@example.com");
        String other = newCandidate();
        as(other).document(READ).variable("id", id).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        as(other).document("{ applications { totalCount } }").execute()
                .path("applications.totalCount").entity(Integer.class).isEqualTo(0);
        expectRule(as(candidate).document(SUBMIT).variable("in", input("丙")).execute(), "CONFLICT", "ONE_OPEN_APPLICATION");
    }

    @Test
    void simultaneousSubmissionsForOneCandidateOpenExactlyOneApplication() {
        String candidate = newCandidate();
        List<GraphQlTester.Response> responses = com.hongda.cms.support.Simultaneously.run(3,
                i -> as(candidate).document(SUBMIT).variable("in", input("并发")).execute());
        int accepted = 0;
        for (GraphQlTester.Response r : responses) {
            List<org.springframework.graphql.ResponseError> errors = new java.util.ArrayList<>();
            r.errors().satisfy(errors::addAll);
            if (errors.isEmpty()) {
                accepted++;
            } else {
                assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT");
                    assertThat(e.getExtensions()).containsEntry("rule", "ONE_OPEN_APPLICATION");
                });
            }
        }
        assertThat(accepted).isEqualTo(1);
        assertThat(fixtures.jdbc().queryForObject(
                "select count(*) from recruitment_application where candidate_user_id = ?", Integer.class, candidate)).isEqualTo(1);
        assertThat(fixtures.jdbc().queryForObject("select count(*) from ACT_RU_EXECUTION E join recruitment_application A "
                + "on A.process_instance_id = E.PROC_INST_ID_ where A.candidate_user_id = ?", Integer.class, candidate)).isPositive();
    }

    @Test
    void aManagerCannotApplyAgain() {
        String candidate = newCandidate();
        fixtures.managerOf(candidate, com.hongda.cms.manager.Grade.JUNIOR);
        expectRule(as(candidate).document(SUBMIT).variable("in", input("己")).execute(), "CONFLICT", "ALREADY_A_MANAGER");
        assertThat(fixtures.jdbc().queryForObject(
                "select count(*) from recruitment_application where candidate_user_id = ?", Integer.class, candidate)).isZero();
    }

    @Test
    void aClosedApplicationFreesTheCandidateToApplyAgain() {
        String candidate = newCandidate();
        Map<String, Object> in = input("庚");
        in.put("declaresEthics", false);
        String pi = as(candidate).document(SUBMIT).variable("in", in).execute()
                .path("submitApplication.application.processInstanceId").entity(String.class).get();
        driver.runJobs(pi);
        as(candidate).document(SUBMIT).variable("in", input("庚")).execute().errors().verify();
    }

    @Test
    void finalApprovalNamesAnExistingSupervisor() {
        Application a = driver.submitAsHr(driver.input(fixtures.unique("辛"), Education.BACHELOR, "3", true));
        String pi = a.getProcessInstanceId();
        driver.runJobs(pi);
        runtime.createProcessInstanceModification(pi).cancelAllForActivity("hrReview").startBeforeActivity("finalApproval").execute();
        String task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("finalApproval").singleResult().getId();
        as(Fixtures.HR).document("mutation($id: ID!) { claimTask(input: {taskId: $id}) { task { id } } }")
                .variable("id", task).execute().errors().verify();
        String complete = """
                mutation($id: ID!, $s: String!) { completeTask(input: {taskId: $id, values: [
                  {key: "finalDecision", value: "APPROVE"}, {key: "supervisorId", value: $s}]}) { processEnded } }""";
        for (String ghost : List.of("ghost", "' OR '1'='1")) {
            as(Fixtures.HR).document(complete).variable("id", task).variable("s", ghost).execute().errors().satisfy(errors ->
                    assertThat(errors).singleElement().satisfies(e -> {
                        assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                        assertThat(e.getExtensions()).containsEntry("rule", "PERSON_NOT_FOUND")
                                .containsEntry("field", "input.values.supervisorId");
                    }));
        }
        as(Fixtures.HR).document(complete).variable("id", task).variable("s", Fixtures.JUDGE).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(e -> assertThat(e.getExtensions())
                        .containsEntry("rule", "PERSON_ROLE").containsEntry("field", "input.values.supervisorId")));
        assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
        as(Fixtures.HR).document("query($id: ID!) { task(id: $id) { form { key personRole } } }").variable("id", task).execute()
                .path("task.form[?(@.key == 'supervisorId')].personRole").entityList(String.class).containsExactly("SUPERVISOR");
        as(Fixtures.HR).document(complete).variable("id", task).variable("s", Fixtures.SUPERVISOR).execute().errors().verify();
    }

    @Test
    void candidateCannotApplyForSomeoneElse() {
        String candidate = newCandidate();
        Map<String, Object> in = input("丁");
        in.put("candidateUserId", Fixtures.MANAGER);
        as(candidate).document(SUBMIT).variable("in", in).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
    }

    @Test
    void hrEntersAnExternalCandidateAndOthersMayNot() {
        as(Fixtures.HR).document(SUBMIT).variable("in", input("戊")).execute()
                .path("submitApplication.application.submittedBy").entity(String.class).isEqualTo(Fixtures.HR)
                .path("submitApplication.application.candidateUserId").valueIsNull();
        for (String user : new String[] {Fixtures.MANAGER, Fixtures.AUDITOR, Fixtures.JUDGE, Fixtures.SUPERVISOR}) {
            as(user).document(SUBMIT).variable("in", input("己")).execute().errors().satisfy(errors ->
                    assertThat(errors).singleElement().satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        }
    }

    @Test
    void badInputIsRefusedFieldByField() {
        Map<String, Object> in = input("x".repeat(70_000));
        in.put("yearsOfExperience", 61);
        in.put("email", "not-an-email");
        as(Fixtures.HR).document(SUBMIT).variable("in", in).execute().errors().satisfy(errors -> {
            assertThat(errors).allSatisfy(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST"));
            assertThat(errors).extracting(e -> e.getExtensions().get("field"))
                    .containsExactlyInAnyOrder("input.name", "input.yearsOfExperience", "input.email");
        });
        Map<String, Object> internal = input("庚");
        internal.put("origin", "INTERNAL");
        expectRule(as(Fixtures.HR).document(SUBMIT).variable("in", internal).execute(), "BAD_REQUEST", "INTERNAL_NEEDS_EMPLOYEE_NO");
        as(Fixtures.HR).document(READ).variable("id", "abc").execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
        expectRule(as(Fixtures.HR).document(READ).variable("id", "987654321").execute(), "NOT_FOUND", null);
    }

    @Test
    void applicationShowsItsCurrentStepAndIsTheSubjectOfItsTasks() {
        GraphQlTester.Response r = as(Fixtures.HR).document(SUBMIT).variable("in", input("辛")).execute();
        String id = r.path("submitApplication.application.id").entity(String.class).get();
        String pi = r.path("submitApplication.application.processInstanceId").entity(String.class).get();
        driver.runJobs(pi);
        as(Fixtures.HR).document("query($id: ID!) { application(id: $id) { state currentSteps } }").variable("id", id).execute()
                .path("application.state").entity(String.class).isEqualTo("IN_REVIEW")
                .path("application.currentSteps").entityList(String.class).containsExactly("人力资源部资格审查");
        as(Fixtures.HR, "en").document("query($id: ID!) { application(id: $id) { currentSteps } }").variable("id", id).execute()
                .path("application.currentSteps").entityList(String.class).containsExactly("HR qualification review");
        as(Fixtures.HR, "en").document("query($bk: String!) { claimableTasks(filter: {businessKey: $bk}) { nodes { name processName } } }")
                .variable("bk", "APPLICATION-" + id).execute()
                .path("claimableTasks.nodes[0].name").entity(String.class).isEqualTo("HR qualification review")
                .path("claimableTasks.nodes[0].processName").entity(String.class).isEqualTo("Recruitment review");
        as(Fixtures.HR).document("""
                query($bk: String!) { claimableTasks(filter: {businessKey: $bk}) { nodes { name subject { __typename ... on Application { name phone } }
                  form { key type required options { value } } } } }""").variable("bk", "APPLICATION-" + id).execute()
                .path("claimableTasks.nodes[0].subject.__typename").entity(String.class).isEqualTo("Application")
                .path("claimableTasks.nodes[0].subject.name").entity(String.class).isEqualTo("辛")
                .path("claimableTasks.nodes[0].form[0].key").entity(String.class).isEqualTo("qualificationDecision")
                .path("claimableTasks.nodes[0].form[0].options[*].value").entityList(String.class).containsExactly("ACCEPT", "REJECT");
    }

    /**
     * The inbox example the README proposes (section "Approvers: the task inbox"), as written but for
     * the task id: HR claims and completes the qualification review in one request, and the answer
     * brings the next step, HR's to claim, with its form, and where the application now stands.
     */
    @Test
    void oneRequestClaimsCompletesAndBringsTheNextStep() {
        Application a = driver.submitAsHr(driver.input(fixtures.unique("壬"), Education.BACHELOR, "3", true));
        driver.runJobs(a.getProcessInstanceId());
        String task = tasks.createTaskQuery().processInstanceId(a.getProcessInstanceId()).taskDefinitionKey("hrReview").singleResult().getId();
        String example = """
                mutation { completeTask(input: {taskId: "…", claim: true, values: [{key: "qualificationDecision", value: "ACCEPT"},
                  {key: "qualificationReason", value: "资格符合"}]}) {
                    processEnded
                    nextTask { id name form { key label type required min max } }
                    case { steps { key name kind } } } }""";
        GraphQlTester.Response r = as(Fixtures.HR).document(example.replace("…", task)).execute();
        r.errors().verify();
        r.path("completeTask.processEnded").entity(Boolean.class).isEqualTo(false);
        String next = tasks.createTaskQuery().processInstanceId(a.getProcessInstanceId()).taskDefinitionKey("scoreProfile").singleResult().getId();
        r.path("completeTask.nextTask.id").entity(String.class).isEqualTo(next);
        r.path("completeTask.nextTask.form[*].key").entityList(String.class)
                .containsExactly("educationScore", "experienceScore", "performanceScore");
        r.path("completeTask.case.steps[*].key").entityList(String.class).containsExactly("scoreProfile");
        r.path("completeTask.case.steps[0].kind").entity(String.class).isEqualTo("TASK");
    }

    @Test
    void aRejectionIsRecordedInHrsOwnRequest() {
        Application a = driver.submitAsHr(driver.input(fixtures.unique("癸"), Education.BACHELOR, "3", true));
        String task = tasks.createTaskQuery().processInstanceId(a.getProcessInstanceId()).taskDefinitionKey("hrReview").singleResult().getId();
        as(Fixtures.HR).document(com.hongda.cms.support.InboxClient.claimingAndCompleting("processEnded case { steps { key } }"))
                .variable("id", task).variable("values", com.hongda.cms.support.InboxClient.values(
                        Map.of("qualificationDecision", "REJECT", "qualificationReason", "资料不全"))).execute()
                .path("completeTask.processEnded").entity(Boolean.class).isEqualTo(true)
                .path("completeTask.case.steps").entityList(Object.class).hasSize(0);
        as(Fixtures.HR).document(READ).variable("id", a.getId().toString()).execute()
                .path("application.state").entity(String.class).isEqualTo("REJECTED");
    }

    private String newCandidate() {
        String id = fixtures.unique("cand").toLowerCase();
        org.camunda.bpm.engine.identity.User u = identity.newUser(id);
        u.setPassword(Fixtures.PASSWORD);
        identity.saveUser(u);
        identity.createMembership(id, "CANDIDATE");
        return id;
    }

    private Map<String, Object> input(String name) {
        Map<String, Object> in = new HashMap<>();
        in.put("name", name);
        in.put("phone", "13900001111");
        in.put("email", "c@example.com");
        in.put("origin", "EXTERNAL");
        in.put("education", "BACHELOR");
        in.put("yearsOfExperience", 3);
        in.put("performanceSummary", "三年客户服务经验");
        in.put("declaresEthics", true);
        in.put("declaresNoBadRecord", true);
        in.put("declaresHealthy", true);
        in.put("branchId", fixtures.branchId("城东分公司"));
        in.put("region", "URBAN");
        return in;
    }

    private static void expectRule(GraphQlTester.Response r, String classification, String rule) {
        r.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo(classification);
            if (rule != null) {
                assertThat(e.getExtensions()).containsEntry("rule", rule);
            }
        }));
    }
}
