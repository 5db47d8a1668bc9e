package com.hongda.cms.workflow.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.workflow.Subject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * One instance's audit trail over GraphQL, as an auditor reads it: timeline, tasks, variable changes,
 * decisions, operations and diagram, for an instance driven through the engine by named users.
 */
class HistoryAuditTest extends IntegrationTest {

    /** Every field of the audit, so that the test also proves each one is mapped. */
    private static final String AUDIT = """
            query($id: ID!) { processInstanceAudit(id: $id) {
              instance { id processDefinitionId processDefinitionKey processDefinitionName processDefinitionVersion
                         businessKey subjectType subjectId state startedBy startTime endTime durationMillis deleteReason
                         superProcessInstanceId }
              timeline { id activityId activityName activityType startTime endTime durationMillis actedBy taskId
                         calledProcessInstanceId canceled }
              tasks { id taskDefinitionKey name candidateGroups candidateUsers assignee owner startTime endTime
                      durationMillis dueDate state deleteReason
                      submittedValues { name newValue { type value } changedBy taskId activityInstanceId } }
              variableChanges { name oldValue { type value } newValue { type value } time changedBy taskId activityInstanceId }
              decisions { id decisionDefinitionKey decisionDefinitionName evaluationTime activityId activityInstanceId
                          inputs { clauseId clauseName value { type value } }
                          outputs { clauseId clauseName variableName ruleId ruleOrder value { type value } } }
              operations { id operationId userId operationType entityType property orgValue newValue timestamp taskId
                           annotation }
              diagram { processDefinitionId bpmnXml visitedActivityIds waitingActivityIds } } }
            """;

    @Autowired
    TaskProbe probe;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Test
    void showsEveryStepTaskValueDecisionAndOperationOfAFinishedInstance() {
        Instant t0 = TaskProbe.wholeSeconds(Instant.now());
        String key = fixtures.unique("audit-");
        String subjectId = fixtures.unique("S");
        String id = probe.start(Fixtures.HR, "HR", t0, key, new Subject(Subject.CUSTOMER, subjectId));
        probe.claim(Fixtures.HR, "HR", t0.plus(Duration.ofHours(1)), id);
        String taskId = probe.reviewTask(id);
        probe.as(Fixtures.ADMIN, "ADMIN", t0.plus(Duration.ofHours(2)), () -> taskService.setAssignee(taskId, Fixtures.ADMIN));
        probe.as(Fixtures.ADMIN, "ADMIN", t0.plus(Duration.ofHours(3)), () -> runtimeService.setVariable(id, "monthlyRevenue", 650000.0));
        probe.fireReminder(t0.plus(Duration.ofDays(6)), id);
        Instant completed = t0.plus(Duration.ofDays(7));
        probe.complete(Fixtures.ADMIN, "ADMIN", completed, id, "APPROVE", 88);

        GraphQlTester.Response audit = audit(Fixtures.AUDITOR, id);

        Map<String, Object> instance = audit.path("processInstanceAudit.instance").entity(Map.class).get();
        assertThat(instance).containsEntry("businessKey", key).containsEntry("state", "COMPLETED")
                .containsEntry("startedBy", Fixtures.HR).containsEntry("subjectType", Subject.CUSTOMER)
                .containsEntry("subjectId", subjectId).containsEntry("startTime", t0.toString())
                .containsEntry("endTime", completed.toString())
                .containsEntry("durationMillis", (double) Duration.ofDays(7).toMillis());

        List<Map<String, Object>> timeline = list(audit, "processInstanceAudit.timeline");
        assertThat(timeline).extracting(a -> a.get("activityId"), a -> a.get("activityType"), a -> a.get("actedBy"))
                .containsExactly(
                        tuple("start", "startEvent", null),
                        tuple("review", "userTask", Fixtures.ADMIN),
                        tuple("reminder", "boundaryTimer", null),
                        tuple("reminded", "noneEndEvent", null),
                        tuple("decided", "exclusiveGateway", null),
                        tuple("tier", "businessRuleTask", null),
                        tuple("approved", "noneEndEvent", null));
        assertThat(timeline.get(1)).containsEntry("startTime", t0.toString()).containsEntry("endTime", completed.toString())
                .containsEntry("taskId", taskId).containsEntry("activityName", "Review").containsEntry("canceled", false);
        assertThat(timeline.get(2)).containsEntry("startTime", t0.plus(Duration.ofDays(6)).toString());
        assertThat(timeline.get(5)).containsEntry("activityName", "Decide tier").containsEntry("durationMillis", 0.0);

        List<Map<String, Object>> tasks = list(audit, "processInstanceAudit.tasks");
        assertThat(tasks).singleElement().satisfies(task -> {
            assertThat(task).containsEntry("id", taskId).containsEntry("taskDefinitionKey", "review")
                    .containsEntry("candidateGroups", List.of("ADMIN", "HR")).containsEntry("candidateUsers", List.of())
                    .containsEntry("assignee", Fixtures.ADMIN).containsEntry("startTime", t0.toString())
                    .containsEntry("endTime", completed.toString())
                    .containsEntry("durationMillis", (double) Duration.ofDays(7).toMillis())
                    .containsEntry("dueDate", t0.plus(Duration.ofDays(3)).toString())
                    .containsEntry("state", "Completed").containsEntry("deleteReason", "completed");
            assertThat(maps(task.get("submittedValues")))
                    .extracting(v -> v.get("name"), v -> ((Map<?, ?>) v.get("newValue")).get("value"), v -> v.get("changedBy"))
                    .containsExactlyInAnyOrder(
                            tuple("decision", "APPROVE", Fixtures.ADMIN),
                            tuple("score", "88", Fixtures.ADMIN),
                            tuple("remark", "checked", Fixtures.ADMIN),
                            tuple("urgent", "false", Fixtures.ADMIN));
        });

        List<Map<String, Object>> changes = list(audit, "processInstanceAudit.variableChanges");
        assertThat(changes).filteredOn(c -> "subjectId".equals(c.get("name"))).singleElement().satisfies(c -> {
            assertThat(c.get("oldValue")).isNull();
            assertThat(c).containsEntry("newValue", Map.of("type", "string", "value", subjectId))
                    .containsEntry("changedBy", Fixtures.HR).containsEntry("time", t0.toString());
        });
        assertThat(changes).filteredOn(c -> "monthlyRevenue".equals(c.get("name")))
                .extracting(c -> c.get("oldValue"), c -> c.get("newValue"), c -> c.get("changedBy"), c -> c.get("time"))
                .containsExactly(
                        tuple(null, Map.of("type", "double", "value", "600000.0"), Fixtures.HR, t0.toString()),
                        tuple(Map.of("type", "double", "value", "600000.0"), Map.of("type", "double", "value", "650000.0"),
                                Fixtures.ADMIN, t0.plus(Duration.ofHours(3)).toString()));
        assertThat(changes).filteredOn(c -> "score".equals(c.get("name"))).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("newValue", Map.of("type", "long", "value", "88"))
                        .containsEntry("changedBy", Fixtures.ADMIN).containsEntry("taskId", taskId)
                        .containsEntry("time", completed.toString()));
        assertThat(changes).filteredOn(c -> "dueDate".equals(c.get("name"))).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("newValue",
                        Map.of("type", "date", "value", t0.plus(Duration.ofDays(3)).toString())));
        // The decision's result was set by the process, within the completion the admin made.
        assertThat(changes).filteredOn(c -> "tier".equals(c.get("name"))).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("newValue", Map.of("type", "string", "value", "A1"))
                        .containsEntry("changedBy", Fixtures.ADMIN).containsEntry("taskId", null));

        List<Map<String, Object>> decisions = list(audit, "processInstanceAudit.decisions");
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("decisionDefinitionKey", "customer-tier").containsEntry("activityId", "tier")
                    .containsEntry("decisionDefinitionName", "Customer value tier")
                    .containsEntry("activityInstanceId", timeline.get(5).get("id"))
                    .containsEntry("evaluationTime", completed.toString());
            assertThat(maps(d.get("inputs"))).extracting(i -> i.get("clauseName"), i -> i.get("value"))
                    .containsExactlyInAnyOrder(
                            tuple("Monthly revenue (yuan)", Map.of("type", "double", "value", "650000.0")),
                            tuple("Employees", Map.of("type", "integer", "value", "10")),
                            tuple("Industry", Map.of("type", "string", "value", "OTHER")));
            assertThat(maps(d.get("outputs"))).singleElement().satisfies(o -> assertThat(o)
                    .containsEntry("variableName", "tier").containsEntry("ruleId", "rule1").containsEntry("ruleOrder", 1)
                    .containsEntry("value", Map.of("type", "string", "value", "A1")));
        });

        List<Map<String, Object>> operations = list(audit, "processInstanceAudit.operations");
        assertThat(operations).extracting(o -> o.get("operationType"), o -> o.get("userId"))
                .containsSubsequence(
                        tuple("Claim", Fixtures.HR),
                        tuple("Assign", Fixtures.ADMIN),
                        tuple("SetVariable", Fixtures.ADMIN),
                        tuple("Complete", Fixtures.ADMIN));
        assertThat(operations).filteredOn(o -> "Assign".equals(o.get("operationType"))).singleElement()
                .satisfies(o -> assertThat(o).containsEntry("property", "assignee").containsEntry("orgValue", Fixtures.HR)
                        .containsEntry("newValue", Fixtures.ADMIN).containsEntry("taskId", taskId)
                        .containsEntry("timestamp", t0.plus(Duration.ofHours(2)).toString()));

        Map<String, Object> diagram = audit.path("processInstanceAudit.diagram").entity(Map.class).get();
        assertThat((String) diagram.get("bpmnXml")).contains("<bpmn:process id=\"task-probe\"").contains("bpmndi:BPMNDiagram");
        assertThat(diagram).containsEntry("visitedActivityIds",
                        List.of("start", "review", "reminder", "reminded", "decided", "tier", "approved"))
                .containsEntry("waitingActivityIds", List.of());
    }

    @Test
    void aRunningInstanceWaitsInItsOpenTask() {
        Instant t0 = TaskProbe.wholeSeconds(Instant.now());
        String id = probe.start(Fixtures.HR, "HR", t0, fixtures.unique("running-"), new Subject(Subject.MANAGER, fixtures.unique("M")));

        GraphQlTester.Response audit = audit(Fixtures.ADMIN, id);

        audit.path("processInstanceAudit.instance.state").entity(String.class).isEqualTo("ACTIVE")
                .path("processInstanceAudit.instance.endTime").valueIsNull()
                .path("processInstanceAudit.diagram.visitedActivityIds").entityList(String.class).containsExactly("start", "review")
                .path("processInstanceAudit.diagram.waitingActivityIds").entityList(String.class).containsExactly("review")
                .path("processInstanceAudit.tasks[0].assignee").valueIsNull()
                .path("processInstanceAudit.tasks[0].endTime").valueIsNull()
                .path("processInstanceAudit.tasks[0].candidateGroups").entityList(String.class).containsExactly("ADMIN", "HR")
                .path("processInstanceAudit.timeline[1].endTime").valueIsNull();
    }

    @Test
    void aCancelledInstanceShowsWhoCancelledItAndWhy() {
        Instant t0 = TaskProbe.wholeSeconds(Instant.now());
        String id = probe.start(Fixtures.HR, "HR", t0, fixtures.unique("cancel-"), new Subject(Subject.CUSTOMER, fixtures.unique("S")));
        probe.as(Fixtures.ADMIN, "ADMIN", t0.plus(Duration.ofMinutes(5)), 
                // externallyTerminated = true: the two-argument variant records INTERNALLY_TERMINATED.
                () -> runtimeService.deleteProcessInstance(id, "withdrawn", false, true));

        GraphQlTester.Response audit = audit(Fixtures.AUDITOR, id);

        audit.path("processInstanceAudit.instance.state").entity(String.class).isEqualTo("EXTERNALLY_TERMINATED")
                .path("processInstanceAudit.instance.deleteReason").entity(String.class).isEqualTo("withdrawn")
                .path("processInstanceAudit.diagram.waitingActivityIds").entityList(String.class).hasSize(0)
                .path("processInstanceAudit.timeline[1].activityId").entity(String.class).isEqualTo("review")
                .path("processInstanceAudit.timeline[1].canceled").entity(Boolean.class).isEqualTo(true)
                .path("processInstanceAudit.tasks[0].candidateGroups").entityList(String.class).containsExactly("ADMIN", "HR");
        List<Map<String, Object>> operations = list(audit, "processInstanceAudit.operations");
        assertThat(operations).filteredOn(o -> "Delete".equals(o.get("operationType"))).isNotEmpty()
                .allSatisfy(o -> assertThat(o).containsEntry("userId", Fixtures.ADMIN)
                        .containsEntry("entityType", "ProcessInstance"));
    }

    @Test
    void anUnknownInstanceIsNotFoundNamingTheField() {
        as(Fixtures.AUDITOR, "en").document(AUDIT).variable("id", "no-such-instance").execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("NOT_FOUND");
                    assertThat(e.getExtensions()).containsEntry("field", "id");
                    assertThat(e.getMessage()).isEqualTo("No process instance with id no-such-instance");
                }));
    }

    @Test
    void anOverlongIdIsRefusedBeforeAnyLookup() {
        as(Fixtures.AUDITOR).document(AUDIT).variable("id", "x".repeat(70_000)).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(e.getExtensions()).containsEntry("field", "id");
                }));
    }

    @Test
    void onlyAuditorsAndAdminsReadAnAudit() {
        String id = probe.start(Fixtures.HR, "HR", TaskProbe.wholeSeconds(Instant.now()), fixtures.unique("secret-"),
                new Subject(Subject.CUSTOMER, fixtures.unique("S")));
        for (String user : new String[] {Fixtures.HR, Fixtures.MANAGER, Fixtures.SUPERVISOR, Fixtures.CANDIDATE}) {
            as(user).document("query($id: ID!) { processInstanceAudit(id: $id) { instance { id } } }").variable("id", id)
                    .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        }
    }

    private GraphQlTester.Response audit(String user, String id) {
        GraphQlTester.Response response = as(user).document(AUDIT).variable("id", id).execute();
        response.errors().verify();
        return response;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(GraphQlTester.Response response, String path) {
        return (List<Map<String, Object>>) (List<?>) response.path(path).entityList(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
