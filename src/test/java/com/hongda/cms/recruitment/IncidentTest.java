package com.hongda.cms.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.common.Region;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.security.Role;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A case stuck at a failed automatic step is visible as such — on the case, in the operators' list
 * and in the auditor's history, with a message a person can read — and an administrator retries it.
 */
class IncidentTest extends IntegrationTest {

    private static final String CASE = """
            query($id: ID!) { application(id: $id) { state currentSteps
              steps { key name kind incident { id step stepName message processDefinitionKey businessKey } }
              incidents { id type } } }""";
    private static final String LIST = """
            query($bk: String!) { incidents(filter: {businessKey: $bk}) { totalCount
              nodes { id processInstanceId processDefinitionKey businessKey step stepName type message createdAt } } }""";
    private static final String RETRY = "mutation($id: ID!) { retryIncident(input: {incidentId: $id}) { incident { id step } } }";

    @Autowired
    RecruitmentDriver driver;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Test
    void aFailedHireIsShownAsAnIncidentAndAnAdministratorRetriesIt() {
        String candidate = fixtures.newUser("stuck", Role.CANDIDATE);
        Application a = driver.submitAsHr(new SubmitApplicationInput("卡住", null, null, Origin.EXTERNAL, null,
                Education.BACHELOR, new BigDecimal("3"), "业绩良好", true, true, true, fixtures.branchId("城东分公司"), Region.URBAN, candidate));
        String pi = a.getProcessInstanceId();
        String bk = "APPLICATION-" + a.getId();
        driver.runJobs(pi);
        runtime.setVariables(pi, Map.of("supervisorId", Fixtures.SUPERVISOR, "decidedBy", Fixtures.HR));
        runtime.createProcessInstanceModification(pi).cancelAllForActivity("hrReview").startBeforeActivity("hire").execute();
        // The cause: meanwhile the candidate's login was linked to another manager.
        fixtures.managerOf(candidate, Grade.JUNIOR);
        failUntilIncident(pi);

        GraphQlTester.Response stuck = as(Fixtures.HR).document(CASE).variable("id", a.getId().toString()).execute();
        stuck.path("application.state").entity(String.class).isEqualTo("IN_REVIEW");
        stuck.path("application.currentSteps").entityList(String.class).hasSize(0);
        stuck.path("application.steps[0].key").entity(String.class).isEqualTo("hire");
        stuck.path("application.steps[0].kind").entity(String.class).isEqualTo("AUTOMATIC");
        stuck.path("application.steps[0].name").entity(String.class).isEqualTo("任命见习客户经理并开始见习期");
        stuck.path("application.steps[0].incident.message").entity(String.class)
                .satisfies(m -> assertThat(m).contains(candidate).contains("已关联").doesNotContain("error."));
        stuck.path("application.steps[0].incident.businessKey").entity(String.class).isEqualTo(bk);
        stuck.path("application.incidents[0].type").entity(String.class).isEqualTo("failedJob");

        GraphQlTester.Response listed = as(Fixtures.ADMIN, "en").document(LIST).variable("bk", bk).execute();
        listed.path("incidents.totalCount").entity(Integer.class).isEqualTo(1);
        listed.path("incidents.nodes[0].processDefinitionKey").entity(String.class).isEqualTo("recruitment-review");
        listed.path("incidents.nodes[0].stepName").entity(String.class).isEqualTo("Appoint trainee and start probation");
        String incident = listed.path("incidents.nodes[0].id").entity(String.class).get();
        as(Fixtures.AUDITOR).document(LIST).variable("bk", bk).execute().path("incidents.totalCount").entity(Integer.class).isEqualTo(1);

        expect(as(Fixtures.HR).document(LIST).variable("bk", bk).execute(), "FORBIDDEN", null);
        expect(as(Fixtures.AUDITOR).document(RETRY).variable("id", incident).execute(), "FORBIDDEN", null);
        expect(as(Fixtures.ADMIN).document(RETRY).variable("id", "no-such-incident").execute(), "NOT_FOUND", "input.incidentId");

        // The cause is fixed, the administrator retries, the engine runs the step again: hired.
        fixtures.jdbc().update("update customer_manager set user_id = null where user_id = ?", candidate);
        as(Fixtures.ADMIN).document(RETRY).variable("id", incident).execute().path("retryIncident.incident.step")
                .entity(String.class).isEqualTo("hire");
        driver.runJobs(pi);
        assertThat(driver.reload(a).getState()).isEqualTo(ApplicationState.HIRED);
        as(Fixtures.ADMIN).document(LIST).variable("bk", bk).execute().path("incidents.totalCount").entity(Integer.class).isEqualTo(0);

        GraphQlTester.Response audit = as(Fixtures.AUDITOR).document("""
                query($id: ID!) { processInstanceAudit(id: $id) { incidents { step state message }
                  operations { operationType userId } } }""").variable("id", pi).execute();
        audit.path("processInstanceAudit.incidents[0].step").entity(String.class).isEqualTo("hire");
        audit.path("processInstanceAudit.incidents[0].state").entity(String.class).isEqualTo("RESOLVED");
        audit.path("processInstanceAudit.operations[?(@.operationType == 'SetJobRetries')].userId")
                .entityList(String.class).contains(Fixtures.ADMIN);
    }

    /** Runs the instance's job, as the job executor would, until its retries are used up. */
    private void failUntilIncident(String pi) {
        for (int i = 0; i < 10; i++) {
            List<Job> due = management.createJobQuery().processInstanceId(pi).executable().list();
            if (due.isEmpty()) {
                return;
            }
            try {
                management.executeJob(due.get(0).getId());
            } catch (RuntimeException expected) {
                // a failed attempt: the engine decrements the retries
            }
        }
        throw new AssertionError("no incident");
    }

    private static void expect(GraphQlTester.Response r, String classification, String field) {
        r.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo(classification);
            if (field != null) {
                assertThat(e.getExtensions()).containsEntry("field", field);
            }
        }));
    }
}
