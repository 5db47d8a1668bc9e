package com.hongda.cms.workflow.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.common.Region;
import com.hongda.cms.common.SortDirection;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.workflow.Subject;
import com.hongda.cms.workflow.TaskProbe;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The claimable page read from the engine's tables gives exactly the rows, in exactly the order,
 * of the engine's own TaskQuery with the same filters and sort, for every filter and sort offered.
 */
class ClaimableTasksTest extends IntegrationTest {

    @Autowired
    ClaimableTasks claimable;

    @Autowired
    TaskProbe probe;

    @Autowired
    TaskService taskService;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void theTaskTableHasAnIndexForEverySortOrder() throws Exception {
        try (java.sql.Connection c = dataSource.getConnection()) {
            assertThat(InboxIndexes.existing(c)).containsAll(InboxIndexes.INDEXES.keySet());
        }
        // Starting again finds them and creates nothing.
        new InboxIndexes(dataSource).run(null);
    }

    @Test
    void sameRowsAndOrderAsTheEngineQuery() {
        String bk = fixtures.unique("claimable");
        String customer = fixtures.customer(fixtures.unique("subject"), Fixtures.Tier.C, Region.URBAN).getId().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Date due = i == 3 ? null : Date.from(now.plus(i - 1, ChronoUnit.DAYS));
            instances.add(probe.start(i == 0 ? bk : bk + "-" + i, new Subject(Subject.CUSTOMER, i < 2 ? customer : "0"), due).getId());
        }
        // One claimed (no longer claimable), one with another priority, one suspended.
        List<Task> mine = instances.stream().map(pi -> taskService.createTaskQuery().processInstanceId(pi).singleResult()).toList();
        taskService.claim(mine.get(0).getId(), Fixtures.HR);
        taskService.setPriority(mine.get(1).getId(), 90);
        runtimeService.suspendProcessInstanceById(mine.get(2).getProcessInstanceId());

        List<TaskFilter> filters = List.of(TaskFilter.NONE,
                new TaskFilter("task-probe", null, null, null, null, null, null, null),
                new TaskFilter(null, bk + "-1", null, null, null, null, null, null),
                new TaskFilter(null, null, Subject.CUSTOMER, customer, null, null, null, null),
                new TaskFilter("task-probe", null, null, null, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS), null, null),
                new TaskFilter(null, null, null, null, null, null, 61, 95),
                new TaskFilter(null, null, null, null, null, null, null, 60));
        List<TaskSort> sorts = List.of(new TaskSort(null, null), new TaskSort(TaskSort.Field.DUE_DATE, SortDirection.ASC),
                new TaskSort(TaskSort.Field.DUE_DATE, SortDirection.DESC), new TaskSort(TaskSort.Field.PRIORITY, SortDirection.DESC),
                new TaskSort(TaskSort.Field.CREATED, SortDirection.ASC));
        for (Caller caller : List.of(new Caller(Fixtures.HR, List.of("HR")), new Caller(Fixtures.SERVICE, List.of("SERVICE_DESK")),
                new Caller(Fixtures.ADMIN, List.of("ADMIN", "AUDITOR")))) {
            for (TaskFilter filter : filters) {
                for (TaskSort sort : sorts) {
                    List<String> engine = engineQuery(caller, filter, sort).listPage(0, 10_000).stream().map(Task::getId).toList();
                    List<String> ours = claimable.page(caller, filter, sort, 0, 10_000).stream().map(TaskView::id).toList();
                    assertThat(ours).as("%s %s %s", caller, filter, sort).isEqualTo(engine);
                    assertThat(claimable.count(caller, filter)).isEqualTo(engine.size());
                }
            }
        }
        Caller hr = new Caller(Fixtures.HR, List.of("HR"));
        for (int i = 0; i < 4; i++) {
            String pi = instances.get(i);
            List<String> page = claimable.page(hr, new TaskFilter(null, i == 0 ? bk : bk + "-" + i, null, null, null, null, null, null),
                    null, 0, 10).stream().map(TaskView::id).toList();
            // Claimed (0) and suspended (2) are not claimable; the others are.
            assertThat(page).as("instance %d", i).hasSize(i == 0 || i == 2 ? 0 : 1);
            page.forEach(id -> assertThat(taskService.createTaskQuery().taskId(id).singleResult().getProcessInstanceId()).isEqualTo(pi));
        }
    }

    @Test
    void extremeFilterValuesAreAnsweredWithoutAServerError() {
        for (String filter : List.of("{dueAfter: \"+1000000000-12-31T23:59:59Z\"}", "{dueBefore: \"-1000000000-01-01T00:00:00Z\"}",
                "{minPriority: 2147483647, maxPriority: -2147483648}", "{processKey: \"'; drop table ACT_RU_TASK; --\"}",
                "{subjectType: \"CUSTOMER\", subjectId: \"%\"}")) {
            var response = as(Fixtures.HR).document("{ claimableTasks(first: 5, filter: " + filter + ") { totalCount nodes { id } } }")
                    .execute().returnResponse();
            assertThat(response.getErrors()).as(filter).allSatisfy(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST"));
        }
    }

    /** The engine's own query for the same page, as the inbox built it before. */
    private TaskQuery engineQuery(Caller me, TaskFilter filter, TaskSort sort) {
        TaskQuery q = filter.applyTo(taskService.createTaskQuery().active()).taskUnassigned();
        q = me.groups().isEmpty() ? q.taskCandidateUser(me.id())
                : q.or().taskCandidateGroupIn(me.groups()).taskCandidateUser(me.id()).endOr();
        return sort.applyTo(q);
    }
}
