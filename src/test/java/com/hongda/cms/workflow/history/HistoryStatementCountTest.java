package com.hongda.cms.workflow.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.StatementCounter;
import com.hongda.cms.workflow.Subject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** No N+1: listing instances with their subjects sends as many statements for 2 rows as for 10. */
class HistoryStatementCountTest extends IntegrationTest {

    private static final String LIST = """
            query($subjectId: String!, $n: Int!) {
              historicProcessInstances(filter: {subjectId: $subjectId}, first: $n) {
                totalCount pageInfo { hasNextPage endCursor }
                nodes { id businessKey state startedBy startTime endTime subjectType subjectId } } }
            """;

    @Autowired
    TaskProbe probe;

    @Autowired
    StatementCounter counter;

    private String subjectId;

    @BeforeEach
    void twelveInstances() {
        subjectId = fixtures.unique("N");
        Instant now = TaskProbe.wholeSeconds(Instant.now());
        for (int i = 0; i < 12; i++) {
            probe.start(Fixtures.HR, "HR", now.minusSeconds(i), fixtures.unique("n1-"), new Subject(Subject.CUSTOMER, subjectId));
        }
    }

    @Test
    void instanceListSendsTheSameStatementsForAnyPageSize() {
        long small = count(2);
        long large = count(10);
        assertThat(small).as("statements are counted at all").isPositive();
        assertThat(large).isEqualTo(small);
    }

    private long count(int pageSize) {
        Map<String, Object> variables = Map.of("subjectId", subjectId, "n", pageSize);
        // Warm up once so that one-time work (engine caches, schema) is not counted.
        as(Fixtures.AUDITOR).document(LIST).variables(variables).execute().errors().verify();
        counter.reset();
        as(Fixtures.AUDITOR).document(LIST).variables(variables).execute().errors().verify()
                .path("historicProcessInstances.nodes").entityList(Object.class).hasSize(pageSize)
                .path("historicProcessInstances.nodes[*].subjectId").entityList(String.class).satisfies(values -> assertThat(values).containsOnly(subjectId));
        return counter.count();
    }
}
