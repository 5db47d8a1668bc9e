package com.hongda.cms.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.security.Role;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.Simultaneously;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;

/**
 * The judges of one panel complete their parallel tasks at the same moment, over HTTP: every one of
 * them succeeds, none is told the task was already completed, and every score reaches the result.
 */
class PanelCompletionTest extends IntegrationTest {

    private static final int JUDGES = 10;
    private static final String CLAIM = "mutation($id: ID!) { claimTask(input: {taskId: $id}) { task { assignee } } }";
    private static final String COMPLETE = """
            mutation($id: ID!, $score: String!) { completeTask(input: {taskId: $id,
              values: [{key: "interviewScore", value: $score}]}) { taskId processEnded } }""";

    @Autowired
    RecruitmentDriver driver;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Test
    void tenJudgesCompletingAtOnceAllSucceedAndEveryScoreCounts() {
        List<String> judges = new ArrayList<>();
        for (int i = 0; i < JUDGES; i++) {
            judges.add(fixtures.newUser("panel", Role.JUDGE));
        }
        Application a = driver.submitAsHr(driver.input(fixtures.unique("评审"), Education.BACHELOR, "3", true));
        String pi = a.getProcessInstanceId();
        driver.runJobs(pi);
        // Straight to a panel of ten: the earlier steps' values, then the interviews.
        runtime.setVariables(pi, Map.of("qualificationDecision", "ACCEPT", "educationScore", 80L, "experienceScore", 80L,
                "performanceScore", 80L, "writtenScore", 80L, "interviewers", judges));
        runtime.createProcessInstanceModification(pi).cancelAllForActivity("hrReview").startBeforeActivity("interview#multiInstanceBody").execute();

        List<String> taskIds = new ArrayList<>();
        for (String judge : judges) {
            Task t = tasks.createTaskQuery().processInstanceId(pi).taskCandidateUser(judge).singleResult();
            as(judge).document(CLAIM).variable("id", t.getId()).execute().errors().verify();
            taskIds.add(t.getId());
        }

        List<List<ResponseError>> outcomes = Simultaneously.run(JUDGES, i -> {
            List<ResponseError> errors = new ArrayList<>();
            as(judges.get(i)).document(COMPLETE).variable("id", taskIds.get(i)).variable("score", String.valueOf(70 + i))
                    .execute().errors().satisfy(errors::addAll);
            return errors;
        });
        assertThat(outcomes).allSatisfy(errors -> assertThat(errors).isEmpty());

        assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("interview").count()).isZero();
        driver.runJobs(pi);
        Application scored = driver.reload(a);
        assertThat(scored.getInterviewCount()).isEqualTo(JUDGES);
        // 70 + 71 + … + 79 = 745
        assertThat(scored.getInterviewScore()).isEqualByComparingTo("74.50");
        for (int i = 0; i < JUDGES; i++) {
            assertThat(runtime.getVariable(pi, "interviewScore_" + judges.get(i))).isEqualTo(70L + i);
        }
        assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("finalApproval").count()).isEqualTo(1);
    }
}
