package com.hongda.cms.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.common.Region;
import com.hongda.cms.customer.Customer;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.InboxClient;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.Simultaneously;
import com.hongda.cms.support.StatementCounter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/** The approvers' inbox over real HTTP on the real engine: visibility, claim, form validation, completion. */
class InboxTest extends IntegrationTest {

    private static final String TASK = """
            query($id: ID!) { task(id: $id) { id name step processKey processName businessKey priority due assignee
              candidateGroups candidateUsers subjectType subjectId subject { __typename ... on Customer { name } }
              comments { userId message }
              form { key label type required readonly min max maxLength options { value label } value } } }""";
    private static final String CLAIM = "mutation($id: ID!) { claimTask(input: {taskId: $id}) { task { assignee } } }";
    private static final String COMPLETE = """
            mutation($id: ID!, $values: [FormValueInput!]) { completeTask(input: {taskId: $id, values: $values}) {
              taskId processInstanceId processEnded } }""";
    private static final String CLAIM_AND_COMPLETE = InboxClient.claimingAndCompleting("taskId processEnded");

    @Autowired
    TaskProbe probe;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    @Autowired
    StatementCounter counter;

    private String businessKey;
    private Customer customer;
    private ProcessInstance instance;
    private String taskId;

    @BeforeEach
    void startProbe() {
        businessKey = fixtures.unique("probe");
        customer = fixtures.customer(fixtures.unique("subject"), Fixtures.Tier.C, Region.URBAN);
        instance = probe.start(businessKey, new Subject(Subject.CUSTOMER, customer.getId().toString()),
                Date.from(Instant.now().plus(3, ChronoUnit.DAYS)));
        taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    }

    @Test
    void candidatesSeeTheTaskWithItsSubjectAndTypedForm() {
        GraphQlTester.Response r = as(Fixtures.HR, "en").document(TASK).variable("id", taskId).execute();
        r.errors().verify();
        r.path("task.name").entity(String.class).isEqualTo("Review");
        r.path("task.processKey").entity(String.class).isEqualTo("task-probe");
        r.path("task.businessKey").entity(String.class).isEqualTo(businessKey);
        r.path("task.priority").entity(Integer.class).isEqualTo(60);
        r.path("task.candidateGroups").entityList(String.class).contains("HR", "ADMIN").hasSize(2);
        r.path("task.subjectType").entity(String.class).isEqualTo("CUSTOMER");
        r.path("task.subject.__typename").entity(String.class).isEqualTo("Customer");
        r.path("task.subject.name").entity(String.class).isEqualTo(customer.getName());
        r.path("task.form[0].key").entity(String.class).isEqualTo("decision");
        r.path("task.form[0].label").entity(String.class).isEqualTo("Decision");
        r.path("task.form[0].type").entity(String.class).isEqualTo("ENUM");
        r.path("task.form[0].required").entity(Boolean.class).isEqualTo(true);
        r.path("task.form[0].options[*].value").entityList(String.class).containsExactly("APPROVE", "REJECT");
        r.path("task.form[1].type").entity(String.class).isEqualTo("LONG");
        r.path("task.form[1].min").entity(Double.class).isEqualTo(0.0);
        r.path("task.form[1].max").entity(Double.class).isEqualTo(100.0);
        r.path("task.form[2].maxLength").entity(Integer.class).isEqualTo(500);
        r.path("task.form[3].value").entity(String.class).isEqualTo("false");
        as(Fixtures.HR).document(TASK).variable("id", taskId).execute()
                .path("task.form[0].label").entity(String.class).isEqualTo("审核结论");
    }

    @Test
    void formShowsTheProcessCurrentValuesOfEveryTypeButNotTaskLocalOnes() {
        runtimeService.setVariables(instance.getId(), Map.of("decision", "APPROVE", "score", 42L, "urgent", true,
                "remark", "process remark"));
        taskService.setVariableLocal(taskId, "score", 7L);
        as(Fixtures.HR).document(TASK).variable("id", taskId).execute()
                .path("task.form[*].value").entityList(String.class).containsExactly("APPROVE", "42", "process remark", "true");
        runtimeService.setVariables(instance.getId(), Map.of("score", 43, "urgent", false, "remark", "x".repeat(4000)));
        as(Fixtures.HR).document(TASK).variable("id", taskId).execute()
                .path("task.form[*].value").entityList(String.class).containsExactly("APPROVE", "43", "x".repeat(4000), "false");
    }

    @Test
    void nonCandidatesNeitherSeeNorClaimTheTask() {
        for (String user : new String[] {Fixtures.MANAGER, Fixtures.SUPERVISOR, Fixtures.AUDITOR}) {
            expectError(as(user).document(TASK).variable("id", taskId).execute(), "FORBIDDEN", null);
            expectError(as(user).document(CLAIM).variable("id", taskId).execute(), "FORBIDDEN", null);
            as(user).document("query($bk: String!) { claimableTasks(filter: {businessKey: $bk}) { totalCount } }")
                    .variable("bk", businessKey).execute()
                    .path("claimableTasks.totalCount").entity(Integer.class).isEqualTo(0);
        }
        as(Fixtures.HR).document("query($bk: String!) { claimableTasks(filter: {businessKey: $bk}) { totalCount nodes { id } } }")
                .variable("bk", businessKey).execute()
                .path("claimableTasks.totalCount").entity(Integer.class).isEqualTo(1)
                .path("claimableTasks.nodes[0].id").entity(String.class).isEqualTo(taskId);
    }

    @Test
    void claimingMakesTheTaskMineAndTheEngineKnowsWhoActed() {
        as(Fixtures.HR).document(CLAIM).variable("id", taskId).execute()
                .path("claimTask.task.assignee").entity(String.class).isEqualTo(Fixtures.HR);
        as(Fixtures.HR).document("query($bk: String!) { myTasks(filter: {businessKey: $bk}) { nodes { id } } claimableTasks(filter: {businessKey: $bk}) { totalCount } }")
                .variable("bk", businessKey).execute()
                .path("myTasks.nodes[0].id").entity(String.class).isEqualTo(taskId)
                .path("claimableTasks.totalCount").entity(Integer.class).isEqualTo(0);
        UserOperationLogEntry claim = historyService.createUserOperationLogQuery().taskId(taskId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_CLAIM).singleResult();
        assertThat(claim.getUserId()).isEqualTo(Fixtures.HR);
        expectError(as(Fixtures.ADMIN).document(CLAIM).variable("id", taskId).execute(), "CONFLICT", "TASK_ALREADY_CLAIMED");
    }

    @Test
    void onlyTheAssigneeCompletes() {
        expectError(as(Fixtures.HR).document(COMPLETE).variable("id", taskId).variable("values", valid()).execute(), "FORBIDDEN", null);
        claim(Fixtures.HR);
        expectError(as(Fixtures.ADMIN).document(COMPLETE).variable("id", taskId).variable("values", valid()).execute(), "FORBIDDEN", null);
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    }

    @Test
    void everyFormErrorIsNamedAndNothingHappens() {
        claim(Fixtures.HR);
        List<Map<String, Object>> values = List.of(
                Map.of("key", "decision", "value", "MAYBE"),
                Map.of("key", "score", "value", "101"),
                Map.of("key", "remark", "value", "x".repeat(501)),
                Map.of("key", "urgent", "value", "perhaps"),
                Map.of("key", "salary", "value", "1"));
        as(Fixtures.HR).document(COMPLETE).variable("id", taskId).variable("values", values).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).allSatisfy(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST"));
                    assertThat(errors).extracting(e -> e.getExtensions().get("field") + "/" + e.getExtensions().get("rule"))
                            .containsExactlyInAnyOrder("input.values.decision/ALLOWED_VALUES", "input.values.score/RANGE",
                                    "input.values.remark/MAX_LENGTH", "input.values.urgent/TYPE", "input.values.salary/UNKNOWN_FIELD");
                });
        as(Fixtures.HR).document(COMPLETE).variable("id", taskId).variable("values", List.of(Map.of("key", "score", "value", "abc"))).execute()
                .errors().satisfy(errors -> assertThat(errors)
                        .extracting(e -> e.getExtensions().get("field") + "/" + e.getExtensions().get("rule"))
                        .containsExactlyInAnyOrder("input.values.score/TYPE", "input.values.decision/REQUIRED"));
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("score").count()).isZero();
    }

    @Test
    void completingMovesTheProcessOnAndASecondCompletionIsAConflict() {
        claim(Fixtures.HR);
        as(Fixtures.HR).document(COMPLETE).variable("id", taskId).variable("values", valid()).execute()
                .path("completeTask.processEnded").entity(Boolean.class).isEqualTo(true);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("tier").singleResult().getValue()).isEqualTo("A1");
        expectError(as(Fixtures.HR).document(COMPLETE).variable("id", taskId).variable("values", valid()).execute(),
                "CONFLICT", "TASK_ALREADY_COMPLETED");
    }

    @Test
    void twoSimultaneousClaimsByOneUserBothSucceed() {
        List<List<ResponseError>> outcomes = Simultaneously.run(2, i -> {
            List<ResponseError> errors = new ArrayList<>();
            as(Fixtures.HR).document(CLAIM).variable("id", taskId).execute().errors().satisfy(errors::addAll);
            return errors;
        });
        assertThat(outcomes).allSatisfy(errors -> assertThat(errors).isEmpty());
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(Fixtures.HR);
    }

    @Test
    void twoSimultaneousCompletionsLetExactlyOneThrough() {
        claim(Fixtures.HR);
        exactlyOneCompletes(List.of(Fixtures.HR, Fixtures.HR), COMPLETE);
    }

    @Test
    void aCandidateClaimsAndCompletesInOneRequest() {
        as(Fixtures.HR).document(CLAIM_AND_COMPLETE).variable("id", taskId).variable("values", valid()).execute()
                .path("completeTask.processEnded").entity(Boolean.class).isEqualTo(true);
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(Fixtures.HR);
        // One engine command, two operations in the auditor's log, as two requests would write them.
        assertThat(historyService.createUserOperationLogQuery().taskId(taskId).list())
                .filteredOn(e -> e.getOperationType().equals(UserOperationLogEntry.OPERATION_TYPE_CLAIM)
                        || e.getOperationType().equals(UserOperationLogEntry.OPERATION_TYPE_COMPLETE))
                .extracting(UserOperationLogEntry::getOperationType, UserOperationLogEntry::getUserId)
                .contains(org.assertj.core.groups.Tuple.tuple(UserOperationLogEntry.OPERATION_TYPE_CLAIM, Fixtures.HR),
                        org.assertj.core.groups.Tuple.tuple(UserOperationLogEntry.OPERATION_TYPE_COMPLETE, Fixtures.HR))
                .extracting(t -> t.toArray()[1]).containsOnly(Fixtures.HR);
    }

    @Test
    void claimingWhileCompletingIsRefusedAsAClaimIsAndWritesNothing() {
        expectError(as(Fixtures.MANAGER).document(CLAIM_AND_COMPLETE).variable("id", taskId).variable("values", valid()).execute(),
                "FORBIDDEN", null);
        expectError(as(Fixtures.AUDITOR).document(CLAIM_AND_COMPLETE).variable("id", taskId).variable("values", valid()).execute(),
                "FORBIDDEN", null);
        assertUntouched(null);
        claim(Fixtures.ADMIN);
        expectError(as(Fixtures.HR).document(CLAIM_AND_COMPLETE).variable("id", taskId).variable("values", valid()).execute(),
                "CONFLICT", "TASK_ALREADY_CLAIMED");
        assertUntouched(Fixtures.ADMIN);
    }

    @Test
    void aRefusedCompletionTakesItsClaimBackWithIt() {
        as(Fixtures.HR).document(CLAIM_AND_COMPLETE).variable("id", taskId)
                .variable("values", List.of(Map.of("key", "decision", "value", "MAYBE"))).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getExtensions().get("rule"))
                        .containsExactlyInAnyOrder("ALLOWED_VALUES", "REQUIRED"));
        assertUntouched(null);
        // Nothing was left half-done: another candidate claims and completes it.
        as(Fixtures.ADMIN).document(CLAIM_AND_COMPLETE).variable("id", taskId).variable("values", valid()).execute()
                .errors().verify();
    }

    @Test
    void twoCandidatesClaimingAndCompletingAtOnceLetExactlyOneThrough() {
        String winner = exactlyOneCompletes(List.of(Fixtures.HR, Fixtures.ADMIN), CLAIM_AND_COMPLETE);
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(winner);
        assertThat(historyService.createUserOperationLogQuery().taskId(taskId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_CLAIM).list())
                .singleElement().satisfies(e -> assertThat(e.getUserId()).isEqualTo(winner));
    }

    /**
     * Each of {@code users} sends {@code document} for the task at the same moment: exactly one gets
     * through, each other is told the task was completed, and the values are written once. Returns who got through.
     */
    private String exactlyOneCompletes(List<String> users, String document) {
        List<List<ResponseError>> outcomes = Simultaneously.run(users.size(), i -> {
            List<ResponseError> errors = new ArrayList<>();
            as(users.get(i)).document(document).variable("id", taskId).variable("values", valid()).execute()
                    .errors().satisfy(errors::addAll);
            return errors;
        });
        assertThat(outcomes).filteredOn(List::isEmpty).hasSize(1);
        assertThat(outcomes).filteredOn(e -> !e.isEmpty()).allSatisfy(errors ->
                assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT");
                    assertThat(e.getExtensions()).containsEntry("rule", "TASK_ALREADY_COMPLETED");
                }));
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates()
                .list().stream().filter(d -> d instanceof org.camunda.bpm.engine.history.HistoricVariableUpdate u
                        && u.getVariableName().equals("score")).count()).isEqualTo(1);
        return users.get(outcomes.indexOf(List.of()));
    }

    /** The task is open, held by {@code assignee} (null: nobody), with no value and no claim written by a refused request. */
    private void assertUntouched(String assignee) {
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(assignee);
        assertThat(historyService.createUserOperationLogQuery().taskId(taskId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_CLAIM).count()).isEqualTo(assignee == null ? 0 : 1);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("score").count()).isZero();
    }

    @Test
    void reassignOnlyToAnotherCandidate() {
        claim(Fixtures.HR);
        String reassign = "mutation($id: ID!, $u: String!) { reassignTask(input: {taskId: $id, userId: $u}) { task { assignee } } }";
        expectError(as(Fixtures.HR).document(reassign).variable("id", taskId).variable("u", Fixtures.MANAGER).execute(),
                "BAD_REQUEST", "ASSIGNEE_MUST_BE_CANDIDATE");
        expectError(as(Fixtures.HR).document(reassign).variable("id", taskId).variable("u", "nobody-here").execute(),
                "NOT_FOUND", null);
        expectError(as(Fixtures.SUPERVISOR).document(reassign).variable("id", taskId).variable("u", Fixtures.ADMIN).execute(),
                "FORBIDDEN", null);
        as(Fixtures.HR).document(reassign).variable("id", taskId).variable("u", Fixtures.ADMIN).execute()
                .path("reassignTask.task.assignee").entity(String.class).isEqualTo(Fixtures.ADMIN);
        as(Fixtures.ADMIN).document("mutation($id: ID!) { unclaimTask(input: {taskId: $id}) { task { assignee } } }")
                .variable("id", taskId).execute().path("unclaimTask.task.assignee").valueIsNull();
    }

    @Test
    void commentsAreKeptWithTheirAuthor() {
        as(Fixtures.HR).document("mutation($id: ID!) { addTaskComment(input: {taskId: $id, message: \"资料齐全\"}) { comment { userId message } } }")
                .variable("id", taskId).execute()
                .path("addTaskComment.comment.userId").entity(String.class).isEqualTo(Fixtures.HR);
        as(Fixtures.HR).document(TASK).variable("id", taskId).execute()
                .path("task.comments[0].message").entity(String.class).isEqualTo("资料齐全")
                .path("task.comments[0].userId").entity(String.class).isEqualTo(Fixtures.HR);
        expectError(as(Fixtures.MANAGER).document("mutation($id: ID!) { addTaskComment(input: {taskId: $id, message: \"x\"}) { comment { id } } }")
                .variable("id", taskId).execute(), "FORBIDDEN", null);
    }

    @Test
    void auditorChangesNoTask() {
        expectError(as(Fixtures.AUDITOR).document(CLAIM).variable("id", taskId).execute(), "FORBIDDEN", null);
        expectError(as(Fixtures.AUDITOR).document(COMPLETE).variable("id", taskId).variable("values", valid()).execute(), "FORBIDDEN", null);
    }

    @Test
    void inboxFiltersBySubjectAndSortsByDueDate() {
        Customer other = fixtures.customer(fixtures.unique("subject"), Fixtures.Tier.C, Region.URBAN);
        String bk = businessKey;
        probe.start(bk, new Subject(Subject.CUSTOMER, other.getId().toString()), Date.from(Instant.now().plus(1, ChronoUnit.DAYS)));
        String query = """
                query($bk: String!, $sid: String) { claimableTasks(filter: {businessKey: $bk, subjectType: "CUSTOMER", subjectId: $sid},
                  sort: {field: DUE_DATE}) { totalCount nodes { subjectId } } }""";
        as(Fixtures.HR).document(query).variable("bk", bk).variable("sid", other.getId().toString()).execute()
                .path("claimableTasks.totalCount").entity(Integer.class).isEqualTo(1);
        as(Fixtures.HR).document("query($bk: String!) { claimableTasks(filter: {businessKey: $bk}, sort: {field: DUE_DATE}) { nodes { subjectId } } }")
                .variable("bk", bk).execute()
                .path("claimableTasks.nodes[*].subjectId").entityList(String.class)
                .containsExactly(other.getId().toString(), customer.getId().toString());
        expectError(as(Fixtures.HR).document("{ claimableTasks(filter: {subjectType: \"CUSTOMER\"}) { totalCount } }").execute(),
                "BAD_REQUEST", "SUBJECT_TYPE_AND_ID");
    }

    @Test
    void aFullInboxPageWithSubjectsAndFormsIsWithinTheDefaultComplexityLimit() {
        // The page a front end shows: 50 tasks, each with its subject and its whole form (estimated at about 5,050).
        as(Fixtures.HR).document("""
                { claimableTasks(first: 50, sort: {field: DUE_DATE}) { nodes { id name processName due priority
                  subject { __typename ... on Customer { id name } }
                  form { key label type required min max options { value label } value } } } }""")
                .execute().errors().verify();
    }

    @Test
    void inboxPageSendsTheSameStatementsForAnyPageSize() {
        String bk = businessKey;
        for (int i = 0; i < 9; i++) {
            Customer c = fixtures.customer(fixtures.unique("subject"), Fixtures.Tier.C, Region.URBAN);
            probe.start(bk, new Subject(Subject.CUSTOMER, c.getId().toString()), new Date());
        }
        String query = """
                query($bk: String!, $n: Int!) { claimableTasks(first: $n, filter: {businessKey: $bk}) { totalCount
                  nodes { id name processKey processName businessKey candidateGroups candidateUsers subjectType
                    subject { ... on Customer { name manager { name } } } comments { message } form { key label value } } } }""";
        long small = countStatements(query, bk, 2);
        long large = countStatements(query, bk, 10);
        assertThat(small).isPositive();
        assertThat(large).isEqualTo(small);
    }

    private long countStatements(String query, String bk, int n) {
        as(Fixtures.HR).document(query).variable("bk", bk).variable("n", n).execute().errors().verify();
        counter.reset();
        as(Fixtures.HR).document(query).variable("bk", bk).variable("n", n).execute().errors().verify()
                .path("claimableTasks.nodes").entityList(Object.class).hasSize(n);
        return counter.count();
    }

    private void claim(String user) {
        as(user).document(CLAIM).variable("id", taskId).execute().errors().verify();
    }

    private static List<Map<String, Object>> valid() {
        return List.of(Map.of("key", "decision", "value", "APPROVE"), Map.of("key", "score", "value", "88"),
                Map.of("key", "remark", "value", "good"));
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
