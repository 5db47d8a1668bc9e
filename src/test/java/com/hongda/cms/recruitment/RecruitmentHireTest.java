package com.hongda.cms.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.manager.ManagerStatus;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The approval path: the candidate becomes a TRAINEE on probation in the same transaction. */
class RecruitmentHireTest extends IntegrationTest {

    @Autowired
    RecruitmentDriver driver;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    IdentityService identity;

    @Autowired
    ManagerService managers;

    @Test
    void approvedCandidateBecomesTraineeOnProbationWithHistoryNamingTheProcess() {
        String login = fixtures.unique("hire").toLowerCase();
        User u = identity.newUser(login);
        u.setPassword(Fixtures.PASSWORD);
        identity.saveUser(u);
        identity.createMembership(login, "CANDIDATE");
        if (identity.createUserQuery().userId("t-judge").count() == 0) {
            User judge = identity.newUser("t-judge");
            judge.setPassword(Fixtures.PASSWORD);
            identity.saveUser(judge);
            identity.createMembership("t-judge", "JUDGE");
        }
        SubmitApplicationInput in = new SubmitApplicationInput("录用者", null, null, Origin.EXTERNAL, null,
                Education.BACHELOR, new java.math.BigDecimal("2"), "业绩良好", true, true, true, "城东分公司",
                com.hongda.cms.common.Region.URBAN, login);
        Application a = driver.submitAsHr(in);
        String pi = a.getProcessInstanceId();
        driver.runJobs(pi);
        driver.complete(pi, "hrReview", Fixtures.HR, Map.of("qualificationDecision", "ACCEPT"));
        driver.complete(pi, "scoreProfile", Fixtures.HR, Map.of("educationScore", 90L, "experienceScore", 80L, "performanceScore", 85L));
        driver.complete(pi, "writtenTest", Fixtures.HR, Map.of("writtenScore", 88L));
        for (Task t : tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("interview").list()) {
            String interviewer = tasks.getIdentityLinksForTask(t.getId()).stream().filter(l -> l.getUserId() != null)
                    .findFirst().orElseThrow().getUserId();
            driver.complete(pi, "interview", interviewer, Map.of("interviewScore", 86L));
        }
        driver.complete(pi, "finalApproval", Fixtures.HR, Map.of("finalDecision", "APPROVE", "supervisorId", Fixtures.SUPERVISOR));

        Application hired = driver.reload(a);
        assertThat(hired.getState()).isEqualTo(ApplicationState.HIRED);
        CustomerManager trainee = managers.find(hired.getManagerId()).orElseThrow();
        assertThat(trainee.getGrade()).isEqualTo(Grade.TRAINEE);
        assertThat(trainee.getStatus()).isEqualTo(ManagerStatus.PROBATION);
        assertThat(trainee.getUserId()).isEqualTo(login);
        assertThat(trainee.getSupervisorUserId()).isEqualTo(Fixtures.SUPERVISOR);
        assertThat(managers.gradeHistories(List.of(trainee.getId())).get(trainee.getId())).singleElement().satisfies(g -> {
            assertThat(g.getProcessInstanceId()).isEqualTo(pi);
            assertThat(g.getDecidedBy()).isEqualTo(Fixtures.HR);
        });
        assertThat(identity.createGroupQuery().groupMember(login).groupId("MANAGER").count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("PROBATION-" + trainee.getId())
                .processDefinitionKey("probation").count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    }
}
