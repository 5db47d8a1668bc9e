package com.hongda.cms.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import com.hongda.cms.support.ProcessCoverage;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.manager.ManagerStatus;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of recruitment-review, the reminders, and the coverage of the model by them. */
class RecruitmentProcessTest extends IntegrationTest {

    @RegisterExtension
    static final ProcessCoverage.Check COVERAGE = ProcessCoverage.of(RecruitmentService.PROCESS_KEY, 0.9);

    /** The priority the model's reminder step raises overdue review steps to. */
    private static final int REMINDER_PRIORITY = 90;

    @Autowired
    com.hongda.cms.workflow.WorkingCalendar workingDays;

    @Autowired
    ManagerService managers;

    @Autowired
    RecruitmentDriver driver;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identity;

    @BeforeEach
    void interviewPanel() {
        for (String judge : List.of("t-judge", "t-judge2")) {
            if (identity.createUserQuery().userId(judge).count() == 0) {
                User u = identity.newUser(judge);
                u.setPassword(Fixtures.PASSWORD);
                identity.saveUser(u);
                identity.createMembership(judge, "JUDGE");
            }
        }
    }

    @Test
    void ineligibleApplicantEndsWithEveryReasonStored() {
        Application a = driver.submitAsHr(driver.input(fixtures.unique("甲"), Education.SECONDARY, "0.5", false));
        // Decided in the submission's transaction: no job, the submitter's answer shows it.
        assertThat(a.getState()).isEqualTo(ApplicationState.INELIGIBLE);
        Application after = driver.reload(a);
        assertThat(after.getState()).isEqualTo(ApplicationState.INELIGIBLE);
        assertThat(after.ineligibilityReasons()).containsExactlyInAnyOrder("EDUCATION", "EXPERIENCE", "ETHICS", "BAD_RECORD");
        assertEndedAt(a, "endIneligible");
    }

    @Test
    void rejectedByHrQualificationReview() {
        Application a = eligible();
        driver.complete(a.getProcessInstanceId(), "hrReview", Fixtures.HR,
                Map.of("qualificationDecision", "REJECT", "qualificationReason", "资料不全"));
        Application after = driver.reload(a);
        assertThat(after.getState()).isEqualTo(ApplicationState.REJECTED);
        assertThat(after.getRejectionStage()).isEqualTo("QUALIFICATION_REVIEW");
        assertThat(after.getRejectionReason()).isEqualTo("资料不全");
        assertEndedAt(a, "endRejected");
    }

    @Test
    void belowThePassMarkIsRejectedWithTheCompositeStored() {
        // Every panel member scores 65, so the mean is 65 whatever the size of the panel.
        Application a = assessed(60, 60, 60, 60, List.of(65));
        Application after = driver.reload(a);
        assertThat(after.getState()).isEqualTo(ApplicationState.REJECTED);
        assertThat(after.getRejectionStage()).isEqualTo("BELOW_PASS_MARK");
        assertThat(after.getInterviewScore()).isEqualByComparingTo("65.00");
        // 0.15*60 + 0.15*60 + 0.20*60 + 0.25*60 + 0.25*65 = 61.25
        assertThat(after.getCompositeScore()).isEqualByComparingTo("61.25");
        assertEndedAt(a, "endRejected");
    }

    @Test
    void rejectedAtFinalApproval() {
        Application a = assessed(80, 80, 80, 80, List.of(85));
        assertThat(driver.reload(a).getCompositeScore()).isEqualByComparingTo("81.25");
        driver.complete(a.getProcessInstanceId(), "finalApproval", Fixtures.HR, Map.of("finalDecision", "REJECT", "finalReason", "名额已满"));
        Application after = driver.reload(a);
        assertThat(after.getState()).isEqualTo(ApplicationState.REJECTED);
        assertThat(after.getRejectionStage()).isEqualTo("FINAL_APPROVAL");
        assertEndedAt(a, "endRejected");
    }

    @Test
    void eachInterviewerHasTheirOwnTaskAndTheScoresAreAveraged() {
        Application a = eligible();
        driver.complete(a.getProcessInstanceId(), "hrReview", Fixtures.HR, Map.of("qualificationDecision", "ACCEPT"));
        driver.complete(a.getProcessInstanceId(), "scoreProfile", Fixtures.HR,
                Map.of("educationScore", 70L, "experienceScore", 70L, "performanceScore", 70L));
        driver.complete(a.getProcessInstanceId(), "writtenTest", Fixtures.HR, Map.of("writtenScore", 70L));
        List<Task> interviews = tasks.createTaskQuery().processInstanceId(a.getProcessInstanceId()).taskDefinitionKey("interview").list();
        assertThat(interviews).hasSizeGreaterThanOrEqualTo(2);
        assertThat(interviews).allSatisfy(t ->
                assertThat(tasks.getIdentityLinksForTask(t.getId())).anySatisfy(l -> assertThat(l.getUserId()).isNotNull()));
    }

    @Test
    void overdueReviewIsRaisedInTheInboxWithoutLosingTheTask() {
        Application a = eligible();
        Task review = tasks.createTaskQuery().processInstanceId(a.getProcessInstanceId()).taskDefinitionKey("hrReview").singleResult();
        assertThat(review.getDueDate()).isNotNull();
        assertThat(review.getPriority()).isEqualTo(50);
        try {
            ClockUtil.setCurrentTime(Date.from(review.getDueDate().toInstant().plus(1, ChronoUnit.HOURS)));
            Job timer = management.createJobQuery().processInstanceId(a.getProcessInstanceId()).timers().singleResult();
            management.executeJob(timer.getId());
            driver.runJobs(a.getProcessInstanceId());
        } finally {
            ClockUtil.reset();
        }
        Task after = tasks.createTaskQuery().taskId(review.getId()).singleResult();
        assertThat(after).as("the task is still open").isNotNull();
        assertThat(after.getPriority()).isEqualTo(REMINDER_PRIORITY);
        assertThat(after.getFollowUpDate()).isNotNull();
    }

    @Test
    void approvedCandidateBecomesTraineeOnProbationWithHistoryNamingTheProcess() {
        String login = fixtures.unique("hire").toLowerCase();
        User u = identity.newUser(login);
        u.setPassword(Fixtures.PASSWORD);
        identity.saveUser(u);
        identity.createMembership(login, "CANDIDATE");
        SubmitApplicationInput in = new SubmitApplicationInput("录用者", null, null, Origin.EXTERNAL, null,
                Education.BACHELOR, new java.math.BigDecimal("2"), "业绩良好", true, true, true, fixtures.branchId("城东分公司"),
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

    @Test
    void everyOverdueReviewStepIsRaisedAndTheReviewGoesOn() {
        Application a = eligible();
        String pi = a.getProcessInstanceId();
        fireReminder(pi, "hrReview");
        driver.complete(pi, "hrReview", Fixtures.HR, Map.of("qualificationDecision", "ACCEPT"));
        fireReminder(pi, "scoreProfile");
        driver.complete(pi, "scoreProfile", Fixtures.HR, Map.of("educationScore", 90L, "experienceScore", 90L, "performanceScore", 90L));
        fireReminder(pi, "writtenTest");
        driver.complete(pi, "writtenTest", Fixtures.HR, Map.of("writtenScore", 90L));
        for (Task t : tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("interview").list()) {
            String interviewer = tasks.getIdentityLinksForTask(t.getId()).stream().filter(l -> l.getUserId() != null)
                    .findFirst().orElseThrow().getUserId();
            driver.complete(pi, "interview", interviewer, Map.of("interviewScore", 90L));
        }
        fireReminder(pi, "finalApproval");
        assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("finalApproval").singleResult().getPriority())
                .isEqualTo(REMINDER_PRIORITY);
    }

    private void fireReminder(String pi, String step) {
        Task open = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(step).singleResult();
        Job timer = management.createJobQuery().processInstanceId(pi).timers().activityId(step + "Overdue").singleResult();
        try {
            ClockUtil.setCurrentTime(Date.from(open.getDueDate().toInstant().plus(1, ChronoUnit.HOURS)));
            management.executeJob(timer.getId());
            driver.runJobs(pi);
        } finally {
            ClockUtil.reset();
        }
        Task raised = tasks.createTaskQuery().taskId(open.getId()).singleResult();
        assertThat(raised.getPriority()).as(step).isEqualTo(REMINDER_PRIORITY);
    }

    @Test
    void reviewIsDueAfterFiveWorkingDays() {
        // Friday 2026-11-20 09:00 + 5 working days = Friday 2026-11-27
        Date friday = Date.from(Instant.parse("2026-11-20T09:00:00Z"));
        assertThat(workingDays.addWorkingDays(friday, 5).toInstant()).isEqualTo(Instant.parse("2026-11-27T09:00:00Z"));
    }

    private Application eligible() {
        Application a = driver.submitAsHr(driver.input(fixtures.unique("乙"), Education.BACHELOR, "3", true));
        driver.runJobs(a.getProcessInstanceId());
        assertThat(driver.reload(a).getState()).isEqualTo(ApplicationState.IN_REVIEW);
        return a;
    }

    private Application assessed(long education, long experience, long performance, long written, List<Integer> interviews) {
        Application a = eligible();
        driver.complete(a.getProcessInstanceId(), "hrReview", Fixtures.HR, Map.of("qualificationDecision", "ACCEPT"));
        driver.complete(a.getProcessInstanceId(), "scoreProfile", Fixtures.HR,
                Map.of("educationScore", education, "experienceScore", experience, "performanceScore", performance));
        driver.complete(a.getProcessInstanceId(), "writtenTest", Fixtures.HR, Map.of("writtenScore", written));
        List<Task> open = tasks.createTaskQuery().processInstanceId(a.getProcessInstanceId()).taskDefinitionKey("interview")
                .orderByTaskId().asc().list();
        // Every panel member gets a task; the test scores the first ones and the rest score the last value.
        for (int i = 0; i < open.size(); i++) {
            String interviewer = tasks.getIdentityLinksForTask(open.get(i).getId()).stream()
                    .filter(l -> l.getUserId() != null).findFirst().orElseThrow().getUserId();
            long score = interviews.get(Math.min(i, interviews.size() - 1));
            driver.complete(a.getProcessInstanceId(), "interview", interviewer, Map.of("interviewScore", score));
        }
        return a;
    }

    private void assertEndedAt(Application a, String endEvent) {
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(a.getProcessInstanceId()).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(a.getProcessInstanceId())
                .activityId(endEvent).count()).isEqualTo(1);
    }
}
