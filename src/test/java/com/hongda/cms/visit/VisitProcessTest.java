package com.hongda.cms.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.common.Region;
import com.hongda.cms.customer.Customer;
import com.hongda.cms.customer.Tier;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.security.Role;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.ProcessCoverage;
import com.hongda.cms.support.ProcessDriver;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The visit-frequency table, and the reminders: the daily timer of {@code visit-reminders} run day after day
 * with the clock moved, one {@code visit-reminder} per overdue customer and due date, and a logged visit
 * completing it.
 */
class VisitProcessTest extends IntegrationTest {

    @RegisterExtension
    static final ProcessCoverage.Check COVERAGE = ProcessCoverage.of(0.9, VisitSchedules.SWEEP_PROCESS, VisitSchedules.REMINDER_PROCESS);

    private static final Instant T0 = Instant.parse("2034-01-09T01:00:00Z");

    @Autowired
    VisitFrequency frequency;

    @Autowired
    ProcessDriver process;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    TaskService tasks;

    @AfterEach
    void realTime() {
        ProcessDriver.resetClock();
    }

    @Test
    void theTableGivesThreeMonthsForA6ForB12ForC() {
        assertThat(frequency.all()).containsExactlyInAnyOrderEntriesOf(Map.of(Tier.A1, 3, Tier.A2, 3, Tier.B1, 6, Tier.B2, 6, Tier.C, 12));
    }

    @Test
    void oneReminderPerOverdueCustomerAndDueDateWhichTheNextVisitCompletes() {
        ProcessDriver.at(T0);
        String login = fixtures.newUser("vrm", Role.MANAGER);
        CustomerManager m = fixtures.manager(fixtures.unique("提醒分行"), Region.URBAN, Grade.SENIOR, login, Fixtures.SUPERVISOR);
        Customer a1 = fixtures.customer(fixtures.unique("提醒大客户"), Fixtures.Tier.A1, Region.URBAN);
        Customer b1 = fixtures.customer(fixtures.unique("提醒中客户"), Fixtures.Tier.B1, Region.URBAN);
        fixtures.assign(a1, m);
        fixtures.assign(b1, m);
        Set<String> mine = Set.of("VISIT-" + a1.getId(), "VISIT-" + b1.getId());

        // A1 due 2034-04-09: overdue from the 10th. Three days of sweeps: one reminder, for its manager.
        day("2034-04-09", true, mine);
        assertThat(reminders(a1)).isZero();
        day("2034-04-10", false, mine);
        day("2034-04-11", false, mine);
        day("2034-04-12", false, mine);
        assertThat(reminders(a1)).isEqualTo(1);
        assertThat(reminders(b1)).isZero();
        var task = tasks.createTaskQuery().processInstanceBusinessKey("VISIT-" + a1.getId()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(VisitSchedules.REMINDER_TASK);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateUser(login).count()).isEqualTo(1);

        // Logging a visit completes the reminder; the next sweeps start none.
        as(login).document("mutation($c: ID!) { logVisit(input: {customerId: $c, visitedOn: \"2034-04-12\", kind: VISIT, purpose: \"走访\"}) { visit { id } } }")
                .variable("c", String.valueOf(a1.getId())).execute().errors().verify();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey("VISIT-" + a1.getId()).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("VISIT-" + a1.getId()).finished().count()).isEqualTo(1);
        day("2034-04-13", false, mine);
        assertThat(reminders(a1)).isEqualTo(1);

        // B1 due 2034-07-09, A1 now 2034-07-12: by the 13th both are overdue, each reminded once more.
        day("2034-07-13", true, mine);
        day("2034-07-14", false, mine);
        assertThat(reminders(a1)).isEqualTo(2);
        assertThat(reminders(b1)).isEqualTo(1);
        assertThat(tasks.createTaskQuery().processDefinitionKey(VisitSchedules.REMINDER_PROCESS)
                .processInstanceBusinessKeyIn(mine.toArray(String[]::new)).count()).isEqualTo(2);
    }

    /** Whole reminders ever started for the customer. */
    private long reminders(Customer c) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(VisitSchedules.REMINDER_PROCESS)
                .processInstanceBusinessKey("VISIT-" + c.getId()).count();
    }

    /**
     * The morning of {@code day}: the sweep's timer, due (unless {@code force}: the first after a jump of the clock,
     * whose due date is from whenever it was created), runs as the job executor would, then the sweep. Reminders
     * it starts for other tests' customers are removed again, so no other test finds them in an inbox.
     */
    private void day(String day, boolean force, Set<String> mine) {
        ProcessDriver.at(Instant.parse(day + "T01:00:00Z"));
        List<Job> timers = management.createJobQuery().processDefinitionKey(VisitSchedules.SWEEP_PROCESS).timers().list();
        assertThat(timers).hasSize(1);
        if (!force) {
            assertThat(management.createJobQuery().jobId(timers.get(0).getId()).executable().count()).as("timer due on " + day).isEqualTo(1);
        }
        management.executeJob(timers.get(0).getId());
        for (ProcessInstance sweep : runtime.createProcessInstanceQuery().processDefinitionKey(VisitSchedules.SWEEP_PROCESS).list()) {
            process.runJobs(sweep.getId());
        }
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(VisitSchedules.SWEEP_PROCESS).count()).isZero();
        for (ProcessInstance other : runtime.createProcessInstanceQuery().processDefinitionKey(VisitSchedules.REMINDER_PROCESS).list()) {
            if (!mine.contains(other.getBusinessKey())) {
                runtime.deleteProcessInstance(other.getId(), "another test's customer", true, true);
            }
        }
    }
}
