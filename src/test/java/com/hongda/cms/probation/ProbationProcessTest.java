package com.hongda.cms.probation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hongda.cms.common.Region;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.manager.GradeChange;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.manager.ManagerStatus;
import com.hongda.cms.security.IdentityBootstrap;
import com.hongda.cms.security.Role;
import com.hongda.cms.support.InboxClient;
import com.hongda.cms.support.ProcessDriver;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.ProcessCoverage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.assertions.bpmn.ProcessInstanceAssert;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The probation process ({@code bpmn/probation.bpmn}) on the real engine, every path: passed (over the
 * GraphQL inbox, end to end), failed → extended → passed, failed → extended → failed → dismissed,
 * failed → transferred, and the reminder. Timers are fired by moving the engine's clock and executing
 * the jobs that are then due; the job executor is off in tests. After the class, the share of the
 * model's flow nodes and sequence flows these tests passed must be at least 90 %.
 */
class ProbationProcessTest extends IntegrationTest {

    @RegisterExtension
    static final ProcessCoverage.Check COVERAGE = ProcessCoverage.of(Probations.PROCESS_KEY, 0.9);

    /** 15 January: with the default terms the period ends 15 April, opens 1 April, reminds 8 April. */
    private static final Instant T0 = Instant.parse("2031-01-15T01:00:00Z");

    private static final String CLAIMABLE = """
            query($mid: String!) { claimableTasks(filter: {processKey: "probation", subjectType: "MANAGER", subjectId: $mid}) {
              totalCount nodes { id name step due priority followUp candidateUsers candidateGroups subjectType
                subject { __typename ... on Manager { id grade status } }
                form { key type required readonly min max maxLength options { value } value } } } }""";
    private static final String TASK = "query($id: ID!) { task(id: $id) { id step priority followUp due } }";

    @Autowired
    ProcessDriver process;

    private InboxClient inboxApi;

    @org.junit.jupiter.api.BeforeEach
    void inboxClient() {
        inboxApi = new InboxClient(this::as);
    }

    @Autowired Probations probations;
    @Autowired ProbationProperties terms;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService taskService;
    @Autowired FormService formService;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired IdentityService identityService;
    @Autowired DecisionService decisions;
    @Autowired IdentityBootstrap identities;
    @Autowired ManagerService managers;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void startsForATraineeWithThePeriodFromConfiguration() {
        try {
            at(T0);
            CustomerManager trainee = trainee(true, true);
            ProcessInstance pi = probations.start(trainee);

            assertThat(pi.getBusinessKey()).isEqualTo("PROBATION-" + trainee.getId());
            Map<String, Object> vars = runtime.getVariables(pi.getId());
            assertThat(vars).containsEntry("subjectType", "MANAGER")
                    .containsEntry("subjectId", trainee.getId().toString())
                    .containsEntry("managerId", trainee.getId())
                    .containsEntry("supervisorId", Fixtures.SUPERVISOR)
                    .containsEntry("traineeUserId", trainee.getUserId())
                    .containsEntry("probationLength", "P3M")
                    .containsEntry("extensionLength", "P1M")
                    .containsEntry("extended", false);
            assertThat(date(pi, "probationStart")).isEqualTo(T0);
            assertThat(date(pi, "probationEnd")).isEqualTo(Instant.parse("2031-04-15T01:00:00Z"));
            assertThat(date(pi, "evaluationOpensAt")).isEqualTo(Instant.parse("2031-04-01T01:00:00Z"));
            assertThat(date(pi, "reminderAt")).isEqualTo(Instant.parse("2031-04-08T01:00:00Z"));
            process(pi).isWaitingAt("evaluationOpens");
            Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
            assertThat(timer.getDuedate().toInstant()).isEqualTo(Instant.parse("2031-04-01T01:00:00Z"));

            // Nothing opens before its time.
            at(Instant.parse("2031-03-31T23:00:00Z"));
            runDueJobs(pi);
            process(pi).isWaitingAt("evaluationOpens");
            assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        } finally {
            ProcessDriver.resetClock();
        }
    }

    @Test
    void onlyATraineeStartsProbation() {
        CustomerManager junior = fixtures.manager(fixtures.unique("B"), Region.URBAN, Grade.JUNIOR);
        assertThatThrownBy(() -> probations.start(junior)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passesOverTheInboxAndBecomesJunior() {
        try {
            at(T0);
            CustomerManager trainee = trainee(true, true);
            String mid = trainee.getId().toString();
            ProcessInstance pi = probations.start(trainee);
            openEvaluation(pi);
            process(pi).isWaitingAt("evaluateTrainee", "writeSelfSummary", "certifySkills");

            // The supervisor sees exactly their evaluation, with its typed form; another supervisor sees nothing.
            GraphQlTester.Response inbox = as(Fixtures.SUPERVISOR).document(CLAIMABLE).variable("mid", mid).execute();
            inbox.path("claimableTasks.totalCount").entity(Integer.class).isEqualTo(1)
                    .path("claimableTasks.nodes[0].step").entity(String.class).isEqualTo("evaluateTrainee")
                    .path("claimableTasks.nodes[0].name").entity(String.class).isEqualTo("见习期工作表现评价")
                    .path("claimableTasks.nodes[0].candidateUsers").entityList(String.class).containsExactly(Fixtures.SUPERVISOR)
                    .path("claimableTasks.nodes[0].candidateGroups").entityList(String.class).hasSize(0)
                    .path("claimableTasks.nodes[0].subjectType").entity(String.class).isEqualTo("MANAGER")
                    .path("claimableTasks.nodes[0].subject.__typename").entity(String.class).isEqualTo("Manager")
                    .path("claimableTasks.nodes[0].subject.grade").entity(String.class).isEqualTo("TRAINEE")
                    .path("claimableTasks.nodes[0].due").entity(String.class).isEqualTo("2031-04-15T01:00:00Z")
                    .path("claimableTasks.nodes[0].form[*].key").entityList(String.class).containsExactly(
                            "workAttitude", "businessKnowledge", "customerService", "communication", "discipline", "evaluationSummary")
                    .path("claimableTasks.nodes[0].form[*].type").entityList(String.class).containsExactly(
                            "LONG", "LONG", "LONG", "LONG", "LONG", "STRING")
                    .path("claimableTasks.nodes[0].form[0].required").entity(Boolean.class).isEqualTo(true)
                    .path("claimableTasks.nodes[0].form[0].min").entity(Double.class).isEqualTo(0.0)
                    .path("claimableTasks.nodes[0].form[0].max").entity(Double.class).isEqualTo(100.0)
                    .path("claimableTasks.nodes[0].form[5].maxLength").entity(Integer.class).isEqualTo(4000);
            String evaluation = inbox.path("claimableTasks.nodes[0].id").entity(String.class).get();
            as(Fixtures.SUPERVISOR2).document(CLAIMABLE).variable("mid", mid).execute()
                    .path("claimableTasks.totalCount").entity(Integer.class).isEqualTo(0);
            expectError(as(Fixtures.SUPERVISOR2).document(TASK).variable("id", evaluation).execute(), "FORBIDDEN", null);

            inboxApi.claim(Fixtures.SUPERVISOR, evaluation).errors().verify();
            // A score outside 0–100 is refused and nothing moves.
            expectError(as(Fixtures.SUPERVISOR).documentName("completeTask").variable("id", evaluation)
                    .variable("values", values(scores(101, 75, 70, 85, 90), "evaluationSummary", "认真负责")).execute(),
                    "BAD_REQUEST", "RANGE");
            assertThat(taskService.createTaskQuery().taskId(evaluation).count()).isEqualTo(1);
            as(Fixtures.SUPERVISOR).documentName("completeTask").variable("id", evaluation)
                    .variable("values", values(scores(80, 75, 70, 85, 90), "evaluationSummary", "认真负责，业务熟悉")).execute()
                    .path("completeTask.processEnded").entity(Boolean.class).isEqualTo(false);

            // The trainee writes the self-summary; HR records the certification.
            String summary = claimOnly(trainee.getUserId(), mid, "writeSelfSummary");
            as(trainee.getUserId()).documentName("completeTask").variable("id", summary)
                    .variable("values", List.of(Map.of("key", "selfSummary", "value", "三个月来跟随导师拜访客户四十余户……"))).execute()
                    .errors().verify();
            String certification = claimOnly(Fixtures.HR, mid, "certifySkills");
            as(Fixtures.HR).documentName("completeTask").variable("id", certification)
                    .variable("values", List.of(Map.of("key", "certificationPassed", "value", "true"),
                            Map.of("key", "certificationScore", "value", "88"))).execute()
                    .errors().verify();

            // All three recorded: the join runs as a job (so that three completions at the same moment
            // never collide), then the process waits for the end of the period and decides.
            process(pi).isWaitingAt("evaluationJoin");
            runDueJobs(pi);
            process(pi).isWaitingAt("periodEnds");
            endPeriod(pi);
            process(pi).isEnded().hasPassed("computeAverage", "decideOutcome", "confirmJunior", "confirmed");
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                    .variableName("evaluationAverage").singleResult().getValue()).isEqualTo(80.0);
            HistoricDecisionInstance decision = decisions(pi).get(0);
            assertThat(decision.getOutputs()).singleElement().satisfies(o -> assertThat(o.getValue()).isEqualTo(true));
            assertThat(decision.getInputs()).extracting(i -> i.getValue()).containsExactly(80.0, true);

            as(Fixtures.HR).document("""
                    query($id: ID!) { manager(id: $id) { grade status statusReason statusProcessInstanceId
                      gradeHistory { fromGrade toGrade reason processInstanceId decidedBy } } }""")
                    .variable("id", mid).execute()
                    .path("manager.grade").entity(String.class).isEqualTo("JUNIOR")
                    .path("manager.status").entity(String.class).isEqualTo("ACTIVE")
                    .path("manager.statusReason").entity(String.class).isEqualTo("PROBATION_PASSED")
                    .path("manager.statusProcessInstanceId").entity(String.class).isEqualTo(pi.getId())
                    .path("manager.gradeHistory[1].fromGrade").entity(String.class).isEqualTo("TRAINEE")
                    .path("manager.gradeHistory[1].toGrade").entity(String.class).isEqualTo("JUNIOR")
                    .path("manager.gradeHistory[1].reason").entity(String.class).isEqualTo("PROBATION_PASSED")
                    .path("manager.gradeHistory[1].processInstanceId").entity(String.class).isEqualTo(pi.getId())
                    .path("manager.gradeHistory[1].decidedBy").entity(String.class).isEqualTo(Fixtures.HR);
        } finally {
            ProcessDriver.resetClock();
        }
    }

    @Test
    void failsExtendsOnceThenPasses() {
        try {
            at(T0);
            CustomerManager trainee = trainee(true, true);
            ProcessInstance pi = probations.start(trainee);
            String hr2 = user(Role.HR);

            round(pi, trainee, true, 75, 60, 65, 70, 60, 70);
            process(pi).isWaitingAt("decideFailed");
            assertThat(options("decideFailed", pi)).containsExactly("EXTEND", "DISMISS", "TRANSFER");
            assertThat(candidates(pi, "decideFailed")).containsExactly("group:HR");

            // HR decides a minute after the end; the month of extension runs from that decision.
            decide(pi, "decideFailed", hr2, "EXTEND");
            process(pi).isWaitingAt("evaluationOpens").hasPassed("extend");
            assertThat(runtime.getVariable(pi.getId(), "extended")).isEqualTo(true);
            assertThat(runtime.getVariable(pi.getId(), "decision")).isNull();
            assertThat(date(pi, "probationStart")).isEqualTo(T0);
            assertThat(date(pi, "probationEnd")).isEqualTo(Instant.parse("2031-05-15T01:01:00Z"));
            assertThat(date(pi, "evaluationOpensAt")).isEqualTo(Instant.parse("2031-05-01T01:01:00Z"));
            assertThat(date(pi, "reminderAt")).isEqualTo(Instant.parse("2031-05-08T01:01:00Z"));
            assertManager(trainee, Grade.TRAINEE, ManagerStatus.PROBATION, "PROBATION_EXTENDED", pi);

            round(pi, trainee, true, 82, 80, 80, 75, 70, 85);
            assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).taskDefinitionKey("certifySkills")
                    .orderByHistoricActivityInstanceStartTime().desc().list().get(0).getDueDate().toInstant())
                    .isEqualTo(Instant.parse("2031-05-15T01:01:00Z"));

            process(pi).isEnded().hasPassed("confirmJunior", "confirmed");
            assertThat(decisions(pi)).extracting(d -> d.getOutputs().get(0).getValue()).containsExactly(false, true);
            assertManager(trainee, Grade.JUNIOR, ManagerStatus.ACTIVE, "PROBATION_PASSED", pi);
            GradeChange passed = lastGradeChange(trainee);
            assertThat(passed.getToGrade()).isEqualTo(Grade.JUNIOR);
            assertThat(passed.getProcessInstanceId()).isEqualTo(pi.getId());
            // The second certification decided, not the HR colleague who granted the extension.
            assertThat(passed.getDecidedBy()).isEqualTo(Fixtures.HR);
        } finally {
            ProcessDriver.resetClock();
        }
    }

    @Test
    void failsAgainAfterTheExtensionAndIsDismissedWithoutASecondExtension() {
        try {
            at(T0);
            CustomerManager trainee = trainee(true, true);
            String mid = trainee.getId().toString();
            ProcessInstance pi = probations.start(trainee);

            round(pi, trainee, false, 40, 50, 55, 60, 50, 65);
            decide(pi, "decideFailed", Fixtures.HR, "EXTEND");
            round(pi, trainee, true, 70, 60, 60, 65, 60, 65);
            process(pi).isWaitingAt("decideFailedAgain");
            assertThat(options("decideFailedAgain", pi)).containsExactly("DISMISS", "TRANSFER");

            // Over the inbox: HR sees the readonly context, cannot extend a second time, then dismisses.
            GraphQlTester.Response inbox = as(Fixtures.HR).document(CLAIMABLE).variable("mid", mid).execute();
            inbox.path("claimableTasks.nodes[0].step").entity(String.class).isEqualTo("decideFailedAgain")
                    .path("claimableTasks.nodes[0].form[0].key").entity(String.class).isEqualTo("evaluationAverage")
                    .path("claimableTasks.nodes[0].form[0].readonly").entity(Boolean.class).isEqualTo(true)
                    .path("claimableTasks.nodes[0].form[0].value").entity(String.class).isEqualTo("62.0")
                    .path("claimableTasks.nodes[0].form[3].key").entity(String.class).isEqualTo("decision")
                    .path("claimableTasks.nodes[0].form[3].options[*].value").entityList(String.class)
                    .containsExactly("DISMISS", "TRANSFER");
            String task = inbox.path("claimableTasks.nodes[0].id").entity(String.class).get();
            inboxApi.claim(Fixtures.HR, task).errors().verify();
            expectError(as(Fixtures.HR).documentName("completeTask").variable("id", task)
                    .variable("values", List.of(Map.of("key", "decision", "value", "EXTEND"),
                            Map.of("key", "decisionReason", "value", "再给一次机会"))).execute(),
                    "BAD_REQUEST", "ALLOWED_VALUES");
            as(Fixtures.HR).documentName("completeTask").variable("id", task)
                    .variable("values", List.of(Map.of("key", "decision", "value", "DISMISS"),
                            Map.of("key", "decisionReason", "value", "延长期满仍未达到要求"))).execute()
                    .errors().verify();
            runDueJobs(pi);

            process(pi).isEnded().hasPassed("decideFailedAgain", "recordDismissal", "dismissed").hasNotPassed("recordTransfer");
            assertManager(trainee, Grade.TRAINEE, ManagerStatus.LEFT, "DISMISSED", pi);
            assertThat(lastGradeChange(trainee).getReason()).isEqualTo("REGISTERED");
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                    .variableName("decidedBy").singleResult().getValue()).isEqualTo(Fixtures.HR);
        } finally {
            ProcessDriver.resetClock();
        }
    }

    /**
     * HR's decision takes effect in HR's own request (no job in between): the answer shows the case
     * ended; an effect refused by the manager's rules is HR's answer, and nothing of the decision stays.
     */
    @Test
    void hrsDecisionIsAnsweredWithItsEffectOrItsRefusal() {
        String complete = InboxClient.claimingAndCompleting("processEnded nextTask { id } case { steps { key } }");
        List<Map<String, Object>> transfer = InboxClient.values(Map.of("decision", "TRANSFER", "decisionReason", "换岗"));
        try {
            at(T0);
            CustomerManager left = trainee(false, false);
            ProcessInstance stuck = probations.start(left);
            failRound(stuck);
            // Meanwhile the trainee left the sequence by another decision.
            fixtures.jdbc().update("update customer_manager set status = 'LEFT' where id = ?", left.getId());
            String refused = taskId(stuck, "decideFailed");
            expectError(as(Fixtures.HR).document(complete).variable("id", refused).variable("values", transfer).execute(),
                    "CONFLICT", "MANAGER_LEFT");
            assertThat(taskService.createTaskQuery().taskId(refused).singleResult().getAssignee()).isNull();
            assertThat(runtime.getVariable(stuck.getId(), "decision")).isNull();
            process(stuck).isWaitingAt("decideFailed");

            CustomerManager trainee = trainee(false, false);
            ProcessInstance pi = probations.start(trainee);
            failRound(pi);
            GraphQlTester.Response done = as(Fixtures.HR).document(complete).variable("id", taskId(pi, "decideFailed"))
                    .variable("values", transfer).execute();
            done.errors().verify();
            done.path("completeTask.processEnded").entity(Boolean.class).isEqualTo(true)
                    .path("completeTask.nextTask").valueIsNull()
                    .path("completeTask.case.steps").entityList(Object.class).hasSize(0);
            assertManager(trainee, Grade.TRAINEE, ManagerStatus.LEFT, "TRANSFERRED", pi);
        } finally {
            ProcessDriver.resetClock();
        }
    }

    /** One round a trainee without login or supervisor fails (certification failed), up to HR's decision. */
    private void failRound(ProcessInstance pi) {
        openEvaluation(pi);
        evaluate(pi, Fixtures.SUPERVISOR2, 90, 85, 88, 92, 95);
        writeSummary(pi, Fixtures.HR);
        certify(pi, false, 55);
        endPeriod(pi);
    }

    @Test
    void failsCertificationAndIsTransferred() {
        try {
            at(T0);
            // No login and no supervisor: any SUPERVISOR evaluates, HR enters the self-summary.
            CustomerManager trainee = trainee(false, false);
            ProcessInstance pi = probations.start(trainee);
            openEvaluation(pi);
            assertThat(candidates(pi, "evaluateTrainee")).containsExactly("group:SUPERVISOR");
            assertThat(candidates(pi, "writeSelfSummary")).containsExactly("group:HR");
            assertThat(candidates(pi, "certifySkills")).containsExactly("group:HR");

            evaluate(pi, Fixtures.SUPERVISOR2, 90, 85, 88, 92, 95);
            writeSummary(pi, Fixtures.HR);
            certify(pi, false, 55);
            endPeriod(pi);
            process(pi).isWaitingAt("decideFailed");
            decide(pi, "decideFailed", Fixtures.HR, "TRANSFER");

            process(pi).isEnded().hasPassed("recordTransfer", "transferred").hasNotPassed("extend", "recordDismissal");
            assertThat(decisions(pi).get(0).getInputs()).extracting(i -> i.getValue()).containsExactly(90.0, false);
            assertManager(trainee, Grade.TRAINEE, ManagerStatus.LEFT, "TRANSFERRED", pi);
            assertThat(lastGradeChange(trainee).getReason()).isEqualTo("REGISTERED");
        } finally {
            ProcessDriver.resetClock();
        }
    }

    @Test
    void reminderRaisesPriorityAndSetsFollowUpOfWhatIsStillOpen() {
        try {
            at(T0);
            CustomerManager trainee = trainee(true, true);
            ProcessInstance pi = probations.start(trainee);
            openEvaluation(pi);
            writeSummary(pi, trainee.getUserId());
            assertThat(tasks(pi)).allSatisfy(t -> assertThat(t.getPriority()).isEqualTo(50));

            Instant reminderTime = date(pi, "reminderAt").plus(Duration.ofMinutes(5));
            at(reminderTime);
            runDueJobs(pi);

            process(pi).hasPassed("reminderDue", "remind", "reminded").isWaitingAt("evaluateTrainee", "certifySkills");
            assertThat(tasks(pi)).extracting(Task::getTaskDefinitionKey).containsExactlyInAnyOrder("evaluateTrainee", "certifySkills");
            assertThat(tasks(pi)).allSatisfy(t -> {
                assertThat(t.getPriority()).isEqualTo(terms.reminderPriority());
                assertThat(t.getFollowUpDate().toInstant()).isEqualTo(reminderTime);
            });
            // The inbox shows it.
            String certification = taskId(pi, "certifySkills");
            as(Fixtures.HR).document(TASK).variable("id", certification).execute()
                    .path("task.priority").entity(Integer.class).isEqualTo(80)
                    .path("task.followUp").entity(String.class).isEqualTo(reminderTime.toString());

            // Completing late still works; the one reminder does not come back.
            evaluate(pi, 80, 80, 80, 80, 80);
            certify(pi, true, 90);
            endPeriod(pi);
            process(pi).isEnded().hasPassed("confirmed");
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                    .activityId("remind").count()).isEqualTo(1);
        } finally {
            ProcessDriver.resetClock();
        }
    }

    @Test
    void passMarkIsInTheDecisionTableAndInclusive() {
        assertThat(outcome(70.0, true)).isTrue();
        assertThat(outcome(69.8, true)).isFalse();
        assertThat(outcome(100.0, false)).isFalse();
    }

    // --- helpers -------------------------------------------------------------------------------------

    private boolean outcome(double average, boolean certified) {
        DmnDecisionTableResult r = decisions.evaluateDecisionTableByKey("probation-outcome",
                Variables.createVariables().putValue("evaluationAverage", average).putValue("certificationPassed", certified));
        return r.getSingleResult().<Boolean>getSingleEntry();
    }

    /** A new trainee, optionally with a login of their own and the test supervisor. */
    private CustomerManager trainee(boolean withLogin, boolean withSupervisor) {
        String login = withLogin ? user(Role.MANAGER) : null;
        return fixtures.manager(fixtures.unique("B"), Region.URBAN, Grade.TRAINEE, login,
                withSupervisor ? Fixtures.SUPERVISOR : null);
    }

    private String user(Role role) {
        String id = fixtures.unique("t-p");
        identities.createUser(id, id, Fixtures.PASSWORD, role);
        return id;
    }

    private static void at(Instant instant) {
        ProcessDriver.at(instant);
    }

    private Instant date(ProcessInstance pi, String variable) {
        return ((Date) runtime.getVariable(pi.getId(), variable)).toInstant();
    }

    private void openEvaluation(ProcessInstance pi) {
        at(date(pi, "evaluationOpensAt").plus(Duration.ofMinutes(1)));
        runDueJobs(pi);
        process(pi).isWaitingAt("evaluateTrainee", "writeSelfSummary", "certifySkills");
    }

    private void endPeriod(ProcessInstance pi) {
        at(date(pi, "probationEnd").plus(Duration.ofMinutes(1)));
        runDueJobs(pi);
    }

    private void runDueJobs(ProcessInstance pi) {
        process.runJobs(pi.getId());
    }

    /** One evaluation round by the test supervisor, the trainee and HR, up to the decision at the period's end. */
    private void round(ProcessInstance pi, CustomerManager trainee, boolean certified, long certificationScore, long... scores) {
        openEvaluation(pi);
        evaluate(pi, scores);
        writeSummary(pi, trainee.getUserId());
        certify(pi, certified, certificationScore);
        endPeriod(pi);
    }

    private void assertManager(CustomerManager m, Grade grade, ManagerStatus status, String reason, ProcessInstance pi) {
        CustomerManager now = managers.get("id", m.getId());
        assertThat(now.getGrade()).isEqualTo(grade);
        assertThat(now.getStatus()).isEqualTo(status);
        assertThat(now.getStatusReason()).isEqualTo(reason);
        assertThat(now.getStatusProcessInstanceId()).isEqualTo(pi.getId());
    }

    private void evaluate(ProcessInstance pi, long... scores) {
        evaluate(pi, Fixtures.SUPERVISOR, scores);
    }

    private void evaluate(ProcessInstance pi, String supervisor, long... scores) {
        Map<String, Object> vars = Variables.createVariables().putValue("evaluationSummary", "评价");
        for (int i = 0; i < scores.length; i++) {
            vars.put(ProbationVariables.CRITERIA[i], scores[i]);
        }
        complete(pi, "evaluateTrainee", supervisor, vars);
    }

    private void writeSummary(ProcessInstance pi, String user) {
        complete(pi, "writeSelfSummary", user, Variables.createVariables().putValue("selfSummary", "总结"));
    }

    private void certify(ProcessInstance pi, boolean passed, long score) {
        complete(pi, "certifySkills", Fixtures.HR,
                Variables.createVariables().putValue("certificationPassed", passed).putValue("certificationScore", score));
    }

    private void decide(ProcessInstance pi, String step, String hr, String decision) {
        complete(pi, step, hr, Variables.createVariables().putValue("decision", decision).putValue("decisionReason", "理由"));
        runDueJobs(pi);
    }

    /** Claims and completes a task as {@code user}, with the engine told who acts, as the API does. */
    private void complete(ProcessInstance pi, String step, String user, Map<String, Object> vars) {
        process.complete(pi.getId(), step, user, vars);
    }

    private String taskId(ProcessInstance pi, String step) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(step).singleResult().getId();
    }

    private List<Task> tasks(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).list();
    }

    private List<String> candidates(ProcessInstance pi, String step) {
        return taskService.getIdentityLinksForTask(taskId(pi, step)).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                .map((IdentityLink l) -> l.getGroupId() != null ? "group:" + l.getGroupId() : "user:" + l.getUserId())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> options(String step, ProcessInstance pi) {
        FormField decision = formService.getTaskFormData(taskId(pi, step)).getFormFields().stream()
                .filter(f -> f.getId().equals("decision")).findFirst().orElseThrow();
        return List.copyOf(((Map<String, String>) decision.getType().getInformation("values")).keySet());
    }

    private List<HistoricDecisionInstance> decisions(ProcessInstance pi) {
        return history.createHistoricDecisionInstanceQuery().processInstanceId(pi.getId())
                .decisionDefinitionKey("probation-outcome").includeInputs().includeOutputs()
                .orderByEvaluationTime().asc().list();
    }

    private GradeChange lastGradeChange(CustomerManager m) {
        List<GradeChange> changes = managers.gradeHistories(List.of(m.getId())).get(m.getId());
        return changes.get(changes.size() - 1);
    }

    /** Claims the caller's only claimable probation task at {@code step} over GraphQL. */
    private String claimOnly(String user, String managerId, String step) {
        GraphQlTester.Response r = as(user).document(CLAIMABLE).variable("mid", managerId).execute();
        r.path("claimableTasks.nodes[*].step").entityList(String.class).containsExactly(step);
        String id = r.path("claimableTasks.nodes[0].id").entity(String.class).get();
        inboxApi.claim(user, id).path("claimTask.task.assignee").entity(String.class).isEqualTo(user);
        return id;
    }

    private static List<Map<String, Object>> values(Map<String, Long> scores, String key, String value) {
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        scores.forEach((k, v) -> list.add(Map.of("key", k, "value", v.toString())));
        list.add(Map.of("key", key, "value", value));
        return list;
    }

    private static Map<String, Long> scores(long... s) {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < s.length; i++) {
            m.put(ProbationVariables.CRITERIA[i], s[i]);
        }
        return m;
    }

    private static ProcessInstanceAssert process(ProcessInstance pi) {
        return BpmnAwareTests.assertThat(pi);
    }

    private static void expectError(GraphQlTester.Response response, String classification, String rule) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo(classification);
            if (rule != null) {
                assertThat(e.getExtensions()).containsEntry("rule", rule);
            }
        }));
    }
}
