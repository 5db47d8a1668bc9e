package com.hongda.cms.workflow.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.workflow.Subject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The list of process instances over GraphQL: every filter, newest-first order, forward paging,
 * refusal of bad input and of callers who are not auditors.
 */
class HistoryInstancesTest extends IntegrationTest {

    private static final String LIST = """
            query($filter: HistoricProcessInstanceFilter, $first: Int, $after: String) {
              historicProcessInstances(filter: $filter, first: $first, after: $after) {
                totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                edges { cursor node { id } }
                nodes { id processDefinitionId businessKey processDefinitionKey processDefinitionName processDefinitionVersion
                        state startedBy startTime endTime durationMillis deleteReason superProcessInstanceId
                        subjectType subjectId } } }
            """;

    @Autowired
    TaskProbe probe;

    private Instant now;
    private String subjectId;
    /** Finished (rejected), started by HR 30 days ago, about a customer. */
    private String first;
    /** Running, started by the admin 10 days ago, about the same customer. */
    private String second;
    /** Running, started by HR yesterday, about a manager with the same id. */
    private String third;

    @BeforeEach
    void threeInstancesAboutOneSubject() {
        now = TaskProbe.wholeSeconds(Instant.now());
        subjectId = fixtures.unique("S");
        first = fixtures.unique("first-");
        second = fixtures.unique("second-");
        third = fixtures.unique("third-");
        String firstId = probe.start(Fixtures.HR, "HR", daysAgo(30), first, new Subject(Subject.CUSTOMER, subjectId));
        probe.complete(Fixtures.HR, "HR", daysAgo(29), firstId, "REJECT", 10);
        probe.start(Fixtures.ADMIN, "ADMIN", daysAgo(10), second, new Subject(Subject.CUSTOMER, subjectId));
        probe.start(Fixtures.HR, "HR", daysAgo(1), third, new Subject(Subject.MANAGER, subjectId));
    }

    @Test
    void listsTheInstancesOfASubjectNewestFirstWithTheirSubjectAndState() {
        GraphQlTester.Response response = list(Fixtures.AUDITOR, filter("subjectId", subjectId), null, null);
        response.path("historicProcessInstances.totalCount").entity(Integer.class).isEqualTo(3)
                .path("historicProcessInstances.nodes[*].businessKey").entityList(String.class).containsExactly(third, second, first)
                .path("historicProcessInstances.nodes[*].subjectType").entityList(String.class)
                .containsExactly(Subject.MANAGER, Subject.CUSTOMER, Subject.CUSTOMER)
                .path("historicProcessInstances.nodes[*].subjectId").entityList(String.class).satisfies(values -> assertThat(values).containsOnly(subjectId))
                .path("historicProcessInstances.nodes[*].state").entityList(String.class).containsExactly("ACTIVE", "ACTIVE", "COMPLETED")
                .path("historicProcessInstances.nodes[*].startedBy").entityList(String.class)
                .containsExactly(Fixtures.HR, Fixtures.ADMIN, Fixtures.HR)
                .path("historicProcessInstances.nodes[*].processDefinitionKey").entityList(String.class).satisfies(values -> assertThat(values).containsOnly(TaskProbe.KEY))
                .path("historicProcessInstances.nodes[*].processDefinitionName").entityList(String.class).satisfies(values -> assertThat(values).containsOnly("Task probe"))
                .path("historicProcessInstances.nodes[2].startTime").entity(String.class).isEqualTo(daysAgo(30).toString())
                .path("historicProcessInstances.nodes[2].endTime").entity(String.class).isEqualTo(daysAgo(29).toString())
                .path("historicProcessInstances.nodes[2].durationMillis").entity(Double.class)
                .isEqualTo((double) Duration.ofDays(1).toMillis())
                .path("historicProcessInstances.nodes[0].endTime").valueIsNull();
    }

    @Test
    void filtersByEveryCriterion() {
        assertKeys(filter("subjectType", Subject.CUSTOMER, "subjectId", subjectId), second, first);
        assertKeys(filter("businessKey", first), first);
        assertKeys(filter("subjectId", subjectId, "finished", true), first);
        assertKeys(filter("subjectId", subjectId, "finished", false), third, second);
        assertKeys(filter("subjectId", subjectId, "startedBy", Fixtures.ADMIN), second);
        assertKeys(filter("subjectId", subjectId, "startedAfter", daysAgo(15).toString()), third, second);
        assertKeys(filter("subjectId", subjectId, "startedBefore", daysAgo(15).toString()), first);
        assertKeys(filter("subjectId", subjectId, "startedAfter", daysAgo(10).toString(), "startedBefore", daysAgo(10).toString()), second);
        assertKeys(filter("subjectId", subjectId, "endedAfter", daysAgo(29).toString(), "endedBefore", daysAgo(28).toString()), first);
        assertKeys(filter("subjectId", subjectId, "endedBefore", daysAgo(40).toString()));
        assertKeys(filter("subjectId", subjectId, "processDefinitionKey", TaskProbe.KEY), third, second, first);
        assertKeys(filter("subjectId", subjectId, "processDefinitionKey", "atomicity-probe"));
        assertKeys(filter("subjectType", "NOBODY", "subjectId", subjectId));
    }

    @Test
    void pagesForwardWithCursors() {
        GraphQlTester.Response page1 = list(Fixtures.ADMIN, filter("subjectId", subjectId), 2, null);
        page1.path("historicProcessInstances.nodes[*].businessKey").entityList(String.class).containsExactly(third, second)
                .path("historicProcessInstances.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("historicProcessInstances.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
        String end = page1.path("historicProcessInstances.pageInfo.endCursor").entity(String.class).get();
        assertThat(page1.path("historicProcessInstances.edges[1].cursor").entity(String.class).get()).isEqualTo(end);

        list(Fixtures.ADMIN, filter("subjectId", subjectId), 2, end)
                .path("historicProcessInstances.nodes[*].businessKey").entityList(String.class).containsExactly(first)
                .path("historicProcessInstances.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("historicProcessInstances.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true)
                .path("historicProcessInstances.totalCount").entity(Integer.class).isEqualTo(3);
    }

    @Test
    void refusesBadInputNamingTheField() {
        // A page of 101 full instances is refused by the complexity limit first; asking only for the
        // count leaves the page-size cap to refuse it.
        as(Fixtures.AUDITOR).document("{ historicProcessInstances(first: 101) { totalCount } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(e.getExtensions()).containsEntry("field", "first").containsEntry("rule", "PAGE_SIZE");
                }));
        assertBadRequest(filter("subjectId", subjectId), -1, null, "first");
        assertBadRequest(filter("subjectId", subjectId), 2, "not-a-cursor", "after");
        assertBadRequest(filter("businessKey", "k".repeat(70_000)), null, null, "filter.businessKey");
        assertBadRequest(filter("subjectId", "s".repeat(256)), null, null, "filter.subjectId");
        assertBadRequest(filter("startedAfter", daysAgo(1).toString(), "startedBefore", daysAgo(2).toString()), null, null,
                "filter.startedBefore");
        assertBadRequest(filter("endedAfter", daysAgo(1).toString(), "endedBefore", daysAgo(2).toString()), null, null,
                "filter.endedBefore");
        // Refused by the DateTime scalar before any data fetcher runs: a type error naming the variable.
        as(Fixtures.AUDITOR).document(LIST).variable("filter", filter("startedAfter", "yesterday")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(e.getExtensions()).containsEntry("rule", "TYPE").containsEntry("field", "filter");
                }));
    }

    @Test
    void onlyAuditorsAndAdminsListInstances() {
        for (String user : new String[] {Fixtures.HR, Fixtures.MANAGER, Fixtures.SUPERVISOR, Fixtures.CANDIDATE}) {
            as(user).document("{ historicProcessInstances { totalCount nodes { id } } }").execute()
                    .errors().satisfy(errors -> assertThat(errors).isNotEmpty()
                            .allSatisfy(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        }
    }

    private Instant daysAgo(int days) {
        return now.minus(Duration.ofDays(days));
    }

    private GraphQlTester.Response list(String user, Map<String, Object> filter, Integer first, String after) {
        GraphQlTester.Response response = as(user).document(LIST)
                .variable("filter", filter).variable("first", first).variable("after", after).execute();
        response.errors().verify();
        return response;
    }

    private void assertKeys(Map<String, Object> filter, String... businessKeys) {
        list(Fixtures.AUDITOR, filter, null, null)
                .path("historicProcessInstances.nodes[*].businessKey").entityList(String.class).containsExactly(businessKeys)
                .path("historicProcessInstances.totalCount").entity(Integer.class).isEqualTo(businessKeys.length);
    }

    private void assertBadRequest(Map<String, Object> filter, Integer first, String after, String field) {
        as(Fixtures.AUDITOR).document(LIST).variable("filter", filter).variable("first", first).variable("after", after)
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(e.getExtensions()).containsEntry("field", field);
                }));
    }

    private static Map<String, Object> filter(Object... keysAndValues) {
        Map<String, Object> filter = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            filter.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return filter;
    }
}
