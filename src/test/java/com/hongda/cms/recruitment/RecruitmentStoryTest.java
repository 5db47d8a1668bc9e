package com.hongda.cms.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.demo.DemoDataSeeder;
import com.hongda.cms.support.EngineJobs;
import com.hongda.cms.support.InboxClient;
import com.hongda.cms.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The whole story over HTTP with the demo users ({@code hr}, {@code judge1..3}, {@code supervisor},
 * {@code auditor}, password {@code demo}) and a new candidate, as people do it: a candidate applies; HR, the interviewers and the
 * supervisor work their tasks in the inbox; the candidate ends as a JUNIOR manager; the auditor
 * reconstructs every step, decision and actor from the history. Only the engine's background jobs
 * and its clock are driven directly, as the job executor and the calendar would.
 */
class RecruitmentStoryTest extends IntegrationTest {


    @Autowired
    IdentityService identity;

    @Autowired
    EngineJobs jobs;

    @Autowired
    RuntimeService runtime;

    @Autowired
    com.hongda.cms.security.IdentityBootstrap identities;

    private static final String HR = "hr";
    private static final String SUPERVISOR = "supervisor";
    private static final String AUDITOR = "auditor";

    @Test
    void candidateAppliesAndEndsAsJuniorManagerAndTheAuditorSeesWhoDecidedWhat() {
        DemoDataSeeder.ensureUsers(identity, identities);
        String candidate = fixtures.unique("story").toLowerCase();
        User u = identity.newUser(candidate);
        u.setPassword(DemoDataSeeder.PASSWORD);
        identity.saveUser(u);
        identity.createMembership(candidate, "CANDIDATE");

        GraphQlTester.Response submitted = demo(candidate).document("""
                mutation { submitApplication(input: {name: "林晨", phone: "13900001111", email: "lin@example.com",
                  origin: EXTERNAL, education: BACHELOR, yearsOfExperience: 3, performanceSummary: "三年客户服务经验",
                  declaresEthics: true, declaresNoBadRecord: true, declaresHealthy: true,
                  branchId: "%s", region: URBAN}) { application { id processInstanceId } } }""".formatted(fixtures.branchId("城东分公司"))).execute();
        String id = submitted.path("submitApplication.application.id").entity(String.class).get();
        String pi = submitted.path("submitApplication.application.processInstanceId").entity(String.class).get();
        String bk = "APPLICATION-" + id;
        runJobs(pi);

        work(HR, bk, "hrReview", Map.of("qualificationDecision", "ACCEPT"));
        work(HR, bk, "scoreProfile", Map.of("educationScore", "85", "experienceScore", "80", "performanceScore", "82"));
        work(HR, bk, "writtenTest", Map.of("writtenScore", "78"));
        runJobs(pi);
        @SuppressWarnings("unchecked")
        List<String> interviewers = (List<String>) runtime.getVariable(pi, "interviewers");
        assertThat(interviewers).isNotEmpty();
        for (String interviewer : interviewers) {
            work(interviewer, bk, "interview", Map.of("interviewScore", "88"));
        }
        runJobs(pi);
        work(HR, bk, "finalApproval", Map.of("finalDecision", "APPROVE", "supervisorId", SUPERVISOR));
        runJobs(pi);

        GraphQlTester.Response hired = demo(candidate).document("""
                query($id: ID!) { application(id: $id) { state scores { composite interviewCount } manager { id grade status } } }""")
                .variable("id", id).execute();
        hired.path("application.state").entity(String.class).isEqualTo("HIRED");
        hired.path("application.manager.grade").entity(String.class).isEqualTo("TRAINEE");
        hired.path("application.scores.interviewCount").entity(Integer.class).isEqualTo(interviewers.size());
        String managerId = hired.path("application.manager.id").entity(String.class).get();

        // Probation: the evaluation opens two weeks before the end of the three months; the people work it.
        String probation = runtime.createProcessInstanceQuery().processInstanceBusinessKey("PROBATION-" + managerId)
                .singleResult().getId();
        try {
            moveTo(probation, "evaluationOpensAt");
            String pbk = "PROBATION-" + managerId;
            work(SUPERVISOR, pbk, "evaluateTrainee", Map.of("workAttitude", "85", "businessKnowledge", "80",
                    "customerService", "90", "communication", "80", "discipline", "85", "evaluationSummary", "认真负责"));
            work(candidate, pbk, "writeSelfSummary", Map.of("selfSummary", "跟随导师拜访客户四十余户"));
            work(HR, pbk, "certifySkills", Map.of("certificationPassed", "true", "certificationScore", "86"));
            moveTo(probation, "probationEnd");
        } finally {
            ClockUtil.reset();
        }
        demo(candidate).document("query($id: ID!) { application(id: $id) { manager { grade status } } me { roles } }")
                .variable("id", id).execute()
                .path("application.manager.grade").entity(String.class).isEqualTo("JUNIOR")
                .path("application.manager.status").entity(String.class).isEqualTo("ACTIVE")
                .path("me.roles").entityList(String.class).contains("MANAGER");

        // The auditor reconstructs the review: every step, who acted, each decision with its inputs.
        GraphQlTester.Response audit = demo(AUDITOR).document("""
                query($bk: String!) { historicProcessInstances(filter: {businessKey: $bk}) { nodes { id state startedBy } } }""")
                .variable("bk", bk).execute();
        audit.path("historicProcessInstances.nodes[0].state").entity(String.class).isEqualTo("COMPLETED");
        audit.path("historicProcessInstances.nodes[0].startedBy").entity(String.class).isEqualTo(candidate);
        GraphQlTester.Response trail = demo(AUDITOR).document("""
                query($pi: ID!) { processInstanceAudit(id: $pi) {
                  timeline { activityId actedBy }
                  tasks { taskDefinitionKey assignee submittedValues { name newValue { value } } }
                  decisions { decisionDefinitionKey inputs { clauseName value { value } } outputs { variableName value { value } } }
                  operations { userId operationType }
                  diagram { visitedActivityIds waitingActivityIds } } }""").variable("pi", pi).execute();
        trail.errors().verify();
        trail.path("processInstanceAudit.timeline[*].activityId").entityList(String.class).contains(
                "start", "checkEligibility", "recordEligibility", "hrReview", "scoreProfile", "writtenTest", "planInterviews",
                "interview", "scoring", "composite", "finalApproval", "hire", "endHired");
        trail.path("processInstanceAudit.tasks[?(@.taskDefinitionKey == 'hrReview')].assignee").entityList(String.class)
                .containsExactly(HR);
        assertThat(trail.path("processInstanceAudit.tasks[?(@.taskDefinitionKey == 'interview')].assignee")
                .entityList(String.class).get()).containsExactlyInAnyOrderElementsOf(interviewers);
        trail.path("processInstanceAudit.tasks[?(@.taskDefinitionKey == 'finalApproval')].submittedValues[*].name")
                .entityList(String.class).contains("finalDecision", "supervisorId");
        assertThat(trail.path("processInstanceAudit.decisions[*].decisionDefinitionKey").entityList(String.class).get())
                .containsExactlyInAnyOrder("recruitment-eligibility", "recruitment-scoring");
        trail.path("processInstanceAudit.decisions[?(@.decisionDefinitionKey == 'recruitment-eligibility')].inputs[*].clauseName")
                .entityList(String.class).contains("Education", "Years of similar work");
        trail.path("processInstanceAudit.decisions[?(@.decisionDefinitionKey == 'recruitment-scoring')].outputs[*].variableName")
                .entityList(String.class).contains("passMark", "interviewWeight");
        assertThat(trail.path("processInstanceAudit.operations[?(@.operationType == 'Complete')].userId")
                .entityList(String.class).get()).contains(HR).containsAll(interviewers);
        trail.path("processInstanceAudit.diagram.waitingActivityIds").entityList(String.class).hasSize(0);
    }

    /** Everyone in this story, the new candidate included, logs in with the demo password. */
    private org.springframework.graphql.test.tester.HttpGraphQlTester demo(String user) {
        return withPassword(user, DemoDataSeeder.PASSWORD);
    }

    /** Finds the caller's task of this step in the inbox, claims it and completes it with the values. */
    private void work(String user, String businessKey, String step, Map<String, String> values) {
        new InboxClient(this::demo).work(user, businessKey, step, values);
    }

    private void moveTo(String processInstanceId, String dateVariable) {
        Date when = (Date) runtime.getVariable(processInstanceId, dateVariable);
        ClockUtil.setCurrentTime(Date.from(when.toInstant().plus(Duration.ofMinutes(1))));
        runJobs(processInstanceId);
    }

    private void runJobs(String processInstanceId) {
        jobs.runDue(processInstanceId);
    }
}
