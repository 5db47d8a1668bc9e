package com.hongda.cms.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hongda.cms.common.Region;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.manager.ManagerEffects;
import com.hongda.cms.security.Role;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.InboxClient;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.ProcessCoverage;
import com.hongda.cms.support.ProcessDriver;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code customer-reassignment} model on the real engine: a demotion lists exactly the customers the
 * new grade may not own, in the transaction of the demotion; the supervisor's task (or the SUPERVISOR group's)
 * is due in five working days; completing it in the inbox is refused while customers remain; moving the
 * last one completes it and closes the case; customers moved outside the case are recorded at closing.
 */
class ReassignmentProcessTest extends IntegrationTest {

    @RegisterExtension
    static final ProcessCoverage.Check COVERAGE = ProcessCoverage.of("customer-reassignment", 0.9);

    /** A Monday, 10:00 in Shanghai. */
    private static final Instant T0 = Instant.parse("2031-03-03T02:00:00Z");

    static final String MOVE = """
            mutation($r: ID!, $c: ID!, $m: ID!) { reassignCustomers(input: {reassignmentId: $r, moves: [{customerId: $c, managerId: $m}]}) {
              reassignment { state closedBy steps { key } items { customer { id } movedTo { id } movedBy movedAt } } } }""";

    @Autowired
    Demotions demotions;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ManagerEffects effects;

    @Autowired
    ProcessDriver process;

    private String branch;
    private String head;
    private CustomerManager receiver;

    @BeforeEach
    void branch() {
        ProcessDriver.at(T0);
        head = fixtures.newUser("head", Role.SUPERVISOR);
        branch = fixtures.unique("RP");
        receiver = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, null, head);
    }

    @AfterEach
    void realTime() {
        ProcessDriver.resetClock();
    }

    @Test
    void aDemotedSeniorsA1CustomerGoesThroughTheSupervisorsTaskWhichClosesWhenItIsMoved() {
        CustomerManager senior = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, null, head);
        Customer a1 = customerOf(senior, Fixtures.Tier.A1);
        customerOf(senior, Fixtures.Tier.C);

        Long id = demotions.demote(senior);

        assertThat(id).isNotNull();
        assertThat(demotions.listed(id)).containsExactly(a1.getId());
        Map<String, Object> row = fixtures.jdbc().queryForMap("select cause, grade_before, grade_after, deciding_process_instance_id, state"
                + " from customer_reassignment where id = ?", id);
        assertThat(List.copyOf(row.values())).containsExactly("DEMOTION", "SENIOR", "INTERMEDIATE", Demotions.DECIDING_PROCESS, "OPEN");
        String pi = demotions.processOf(id);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey()).isEqualTo("REASSIGNMENT-" + id);
        Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("reassignCustomers").singleResult();
        // Five working days from Monday 10:00: the next Monday 10:00.
        assertThat(task.getDueDate().toInstant()).isEqualTo(Instant.parse("2031-03-10T02:00:00Z"));
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getUserId).contains(head);

        // The inbox refuses to complete the task while the customer is still with the demoted manager.
        InboxClient inbox = new InboxClient(this::as);
        String taskId = inbox.claimable(head, "REASSIGNMENT-" + id, "reassignCustomers");
        inbox.claim(head, taskId).errors().verify();
        refusedRemaining(inbox.complete(head, taskId, Map.of()));
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isOne();

        as(head).document(MOVE).variable("r", id.toString()).variable("c", a1.getId().toString()).variable("m", receiver.getId().toString())
                .execute().errors().verify()
                .path("reassignCustomers.reassignment.state").entity(String.class).isEqualTo("DONE")
                .path("reassignCustomers.reassignment.closedBy").entity(String.class).isEqualTo(head)
                .path("reassignCustomers.reassignment.steps").entityList(Object.class).hasSize(0)
                .path("reassignCustomers.reassignment.items[0].movedTo.id").entity(String.class).isEqualTo(receiver.getId().toString())
                .path("reassignCustomers.reassignment.items[0].movedBy").entity(String.class).isEqualTo(head);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
        assertThat(fixtures.jdbc().queryForObject("select manager_id from customer where id = ?", Long.class, a1.getId()))
                .isEqualTo(receiver.getId());
        assertThat(fixtures.jdbc().queryForObject("select end_reason from customer_assignment where customer_id = ? and manager_id = ?",
                String.class, a1.getId(), senior.getId())).isEqualTo("REASSIGNMENT-" + id);
        // A closed case takes no more moves.
        answered(as(head).document(MOVE).variable("r", id.toString()).variable("c", a1.getId().toString())
                .variable("m", receiver.getId().toString()), "CONFLICT", "input.reassignmentId", "REASSIGNMENT_CLOSED");
    }

    @Test
    void customersTheNewGradeMayOwnOpenNoCase() {
        CustomerManager intermediate = fixtures.manager(branch, Region.URBAN, Grade.INTERMEDIATE, null, head);
        customerOf(intermediate, Fixtures.Tier.B2);
        customerOf(intermediate, Fixtures.Tier.C);
        assertThat(demotions.demote(intermediate)).isNull();

        CustomerManager withoutCustomers = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, null, head);
        assertThat(demotions.demote(withoutCustomers)).isNull();
    }

    @Test
    void aSecondDemotionListsOnlyTheCustomersNoOpenCaseListsAndWithoutANamedSupervisorTheGroupWorksIt() {
        CustomerManager senior = fixtures.manager(fixtures.unique("RP"), Region.URBAN, Grade.SENIOR, null, null);
        Customer a2 = customerOf(senior, Fixtures.Tier.A2);
        Customer b1 = customerOf(senior, Fixtures.Tier.B1);
        Long first = demotions.demote(senior);
        assertThat(demotions.listed(first)).containsExactly(a2.getId());
        Task task = tasks.createTaskQuery().processInstanceId(demotions.processOf(first)).singleResult();
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId).contains("SUPERVISOR");

        Long second = demotions.demote(senior);
        assertThat(second).isNotEqualTo(first);
        assertThat(demotions.listed(second)).containsExactly(b1.getId());
    }

    @Test
    void aDemotionThatRollsBackLeavesNoCaseAndNoProcess() {
        CustomerManager senior = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, null, head);
        customerOf(senior, Fixtures.Tier.A1);
        long processes = runtime.createProcessInstanceQuery().processDefinitionKey("customer-reassignment").count();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            effects.demote(senior.getId(), new ManagerEffects.Decision("ANNUAL_RANK", null, Fixtures.HR));
            throw new IllegalStateException("forced failure after the demotion");
        })).hasMessageContaining("forced failure");
        assertThat(demotions.latestCase(senior.getId())).isNull();
        assertThat(fixtures.jdbc().queryForObject("select grade from customer_manager where id = ?", String.class, senior.getId()))
                .isEqualTo("SENIOR");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("customer-reassignment").count()).isEqualTo(processes);
    }

    @Test
    void customersMovedOutsideTheCaseLetTheInboxCompleteTheTaskAndAreRecordedAtClosing() {
        CustomerManager senior = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, null, head);
        Customer a1 = customerOf(senior, Fixtures.Tier.A1);
        Long id = demotions.demote(senior);
        as(head).document("""
                mutation($c: ID!, $m: ID!) { reassignCustomer(input: {customerId: $c, managerId: $m, reason: "by hand"}) { customer { id } } }""")
                .variable("c", a1.getId().toString()).variable("m", receiver.getId().toString()).execute().errors().verify();

        new InboxClient(this::as).work(head, "REASSIGNMENT-" + id, "reassignCustomers", Map.of());

        Map<String, Object> item = fixtures.jdbc().queryForMap("select moved_to_manager_id, moved_by from customer_reassignment_item"
                + " where reassignment_id = ?", id);
        assertThat(List.copyOf(item.values())).containsExactly(receiver.getId(), head);
        assertThat(fixtures.jdbc().queryForObject("select concat(state, ' ', closed_by) from customer_reassignment where id = ?",
                String.class, id)).isEqualTo("DONE " + head);
    }

    /**
     * A manager who leaves: every customer they own is listed at once (cause MANAGER_LEFT); past the
     * task's due date it escalates to priority 80 with the branch head and the SUPERVISOR group.
     */
    @Test
    void aManagerWhoLeavesHasEveryCustomerListedAndTheOverdueTaskEscalates() {
        String branchHead = fixtures.newUser("bh", Role.SUPERVISOR);
        String leaverBranch = fixtures.unique("RL");
        fixtures.jdbc().update("update branch set head_user_id = ? where id = ?", branchHead, Long.parseLong(fixtures.branchId(leaverBranch)));
        CustomerManager leaver = fixtures.manager(leaverBranch, Region.URBAN, Grade.SENIOR, null, head);
        Customer a1 = customerOf(leaver, Fixtures.Tier.A1);
        Customer c = customerOf(leaver, Fixtures.Tier.C);
        transactions.executeWithoutResult(t ->
                effects.leave(leaver.getId(), new ManagerEffects.Decision("RESIGNED", null, "t-hr")));
        Map<String, Object> row = fixtures.jdbc().queryForMap("select id, cause, process_instance_id from customer_reassignment"
                + " where manager_id = ?", leaver.getId());
        assertThat(row.get("CAUSE")).isEqualTo("MANAGER_LEFT");
        assertThat(fixtures.jdbc().queryForList("select customer_id from customer_reassignment_item where reassignment_id = ? order by customer_id",
                Long.class, row.get("ID"))).containsExactlyInAnyOrder(a1.getId(), c.getId());
        String pi = (String) row.get("PROCESS_INSTANCE_ID");
        ProcessDriver.at(Instant.parse("2031-03-10T02:01:00Z"));
        process.runJobs(pi);
        Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("reassignCustomers").singleResult();
        assertThat(task.getPriority()).isEqualTo(80);
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getUserId).contains(head, branchHead);
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId).contains("SUPERVISOR");
    }

    /** A customer whose new profile puts it above its manager's grade is listed for the supervisor (TIER_CHANGE). */
    @Test
    void aCustomerRisingAboveItsManagersGradeIsListed() {
        CustomerManager junior = fixtures.manager(branch, Region.URBAN, Grade.JUNIOR, null, head);
        Customer c = customerOf(junior, Fixtures.Tier.C);
        as(Fixtures.ADMIN).document("mutation($id: ID!) { updateCustomer(input: {id: $id, monthlyRevenue: 650000}) { customer { tier } } }")
                .variable("id", c.getId().toString()).execute().errors().verify().path("updateCustomer.customer.tier").entity(String.class)
                .isEqualTo("A1");
        assertThat(fixtures.jdbc().queryForList("select r.cause from customer_reassignment r join customer_reassignment_item i"
                + " on i.reassignment_id = r.id where i.customer_id = ?", String.class, c.getId())).containsExactly("TIER_CHANGE");
        // A rise the grade still allows opens nothing.
        CustomerManager senior = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, null, head);
        Customer other = customerOf(senior, Fixtures.Tier.C);
        as(Fixtures.ADMIN).document("mutation($id: ID!) { updateCustomer(input: {id: $id, monthlyRevenue: 650000}) { customer { tier } } }")
                .variable("id", other.getId().toString()).execute().errors().verify();
        assertThat(fixtures.jdbc().queryForObject("select count(*) from customer_reassignment_item where customer_id = ?", Integer.class,
                other.getId())).isZero();
    }

    /** The supervisor decides that customers go: SUPERVISOR_DECISION; not their manager's, refused; listed twice, refused. */
    @Test
    void theSupervisorDecidesThatCustomersGo() {
        CustomerManager senior = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, null, head);
        Customer a = customerOf(senior, Fixtures.Tier.B1);
        Customer foreign = customerOf(receiver, Fixtures.Tier.C);
        String open = """
                mutation($m: ID!, $c: [ID!]!) { openCustomerReassignment(input: {managerId: $m, customerIds: $c}) {
                  reassignment { cause items { customer { id } } } } }""";
        answered(as(Fixtures.SUPERVISOR2).document(open).variable("m", senior.getId().toString()).variable("c", List.of(a.getId().toString())),
                "NOT_FOUND", "input.managerId", null);
        answered(as(head).document(open).variable("m", senior.getId().toString()).variable("c", List.of(a.getId().toString(),
                foreign.getId().toString())), "BAD_REQUEST", "input.customerIds[1]", "NOT_THE_MANAGERS");
        as(head).document(open).variable("m", senior.getId().toString()).variable("c", List.of(a.getId().toString())).execute().errors().verify()
                .path("openCustomerReassignment.reassignment.cause").entity(String.class).isEqualTo("SUPERVISOR_DECISION");
        answered(as(head).document(open).variable("m", senior.getId().toString()).variable("c", List.of(a.getId().toString())),
                "CONFLICT", "input.customerIds", "ALREADY_LISTED");
    }

    private Customer customerOf(CustomerManager manager, Fixtures.Tier tier) {
        Customer c = fixtures.customer(fixtures.unique("rc"), tier, Region.URBAN);
        fixtures.assign(c, manager);
        return c;
    }

    private static void refusedRemaining(GraphQlTester.Response response) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT");
            assertThat(e.getExtensions()).containsEntry("rule", "CUSTOMERS_REMAIN");
        }));
    }
}
