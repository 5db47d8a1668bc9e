package com.hongda.cms.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.common.Region;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.Fixtures.Tier;
import com.hongda.cms.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Every rule of docs/rules.md#assignment (grade and tier, capacity), allowed and refused, over GraphQL. */
class AssignmentRulesTest extends IntegrationTest {

    private static final String ASSIGN = """
            mutation($c: ID!, $m: ID!) { assignCustomer(input: {customerId: $c, managerId: $m, reason: "rule test"}) {
              customer { id manager { id } } assignment { id assignedBy reason endedAt } } }
            """;
    private static final String REASSIGN = """
            mutation($c: ID!, $m: ID!) { reassignCustomer(input: {customerId: $c, managerId: $m, reason: "moved"}) {
              customer { id manager { id } assignments { manager { id } assignedBy endedAt endedBy endReason } } } }
            """;

    @Autowired
    AssignmentPolicy policy;

    @Autowired
    com.hongda.cms.manager.ManagerService managers;

    @Test
    void juniorOwnsB2AndC() {
        CustomerManager junior = fixtures.manager(fixtures.unique("br"), Region.URBAN, Grade.JUNIOR);
        assertAssigned(fixtures.customer(fixtures.unique("c"), Tier.B2, Region.URBAN), junior);
        assertAssigned(fixtures.customer(fixtures.unique("c"), Tier.C, Region.URBAN), junior);
    }

    @Test
    void intermediateOwnsB1() {
        CustomerManager m = fixtures.manager(fixtures.unique("br"), Region.URBAN, Grade.INTERMEDIATE);
        assertAssigned(fixtures.customer(fixtures.unique("c"), Tier.B1, Region.URBAN), m);
    }

    @Test
    void seniorOwnsEveryTier() {
        CustomerManager m = fixtures.manager(fixtures.unique("br"), Region.URBAN, Grade.SENIOR);
        for (Tier tier : Tier.values()) {
            assertAssigned(fixtures.customer(fixtures.unique("c"), tier, Region.URBAN), m);
        }
    }

    @Test
    void refusesTierAboveTheGrade() {
        CustomerManager junior = fixtures.manager(fixtures.unique("br"), Region.URBAN, Grade.JUNIOR);
        CustomerManager intermediate = fixtures.manager(fixtures.unique("br"), Region.URBAN, Grade.INTERMEDIATE);
        assertRefused(fixtures.customer(fixtures.unique("c"), Tier.B1, Region.URBAN), junior, "GRADE_ALLOWS_TIER", "BAD_REQUEST");
        assertRefused(fixtures.customer(fixtures.unique("c"), Tier.A1, Region.URBAN), junior, "GRADE_ALLOWS_TIER", "BAD_REQUEST");
        assertRefused(fixtures.customer(fixtures.unique("c"), Tier.A2, Region.URBAN), intermediate, "GRADE_ALLOWS_TIER", "BAD_REQUEST");
    }

    @Test
    void refusesTrainee() {
        CustomerManager trainee = fixtures.manager(fixtures.unique("br"), Region.URBAN, Grade.TRAINEE);
        assertRefused(fixtures.customer(fixtures.unique("c"), Tier.C, Region.URBAN), trainee, "TRAINEE_OWNS_NO_CUSTOMERS", "BAD_REQUEST");
    }

    @Test
    void refusesManagerWhoIsNotActive() {
        for (String status : new String[] {"SUSPENDED", "LEFT"}) {
            CustomerManager m = fixtures.manager(fixtures.unique("br"), Region.URBAN, Grade.SENIOR);
            fixtures.jdbc().update("update customer_manager set status = ? where id = ?", status, m.getId());
            assertRefused(fixtures.customer(fixtures.unique("c"), Tier.C, Region.URBAN), m, "MANAGER_MUST_BE_ACTIVE", "BAD_REQUEST");
        }
    }

    @Test
    void refusesManagerAtTheCapacityTheirBranchSetsForTheirTerritory() {
        String branch = fixtures.unique("br");
        CustomerManager rural = fixtures.manager(branch, Region.RURAL, Grade.JUNIOR);
        assertThat(managers.capacityOf(rural)).isEqualTo(140);
        as(Fixtures.HR).document("""
                mutation($id: ID!) { updateBranch(input: {id: $id, settings: {ruralCapacity: 3}, reason: "小网点"}) {
                  branch { settings { ruralCapacity urbanCapacity defaults } } } }""")
                .variable("id", fixtures.branchId(branch)).execute()
                .path("updateBranch.branch.settings.ruralCapacity").entity(Integer.class).isEqualTo(3)
                .path("updateBranch.branch.settings.urbanCapacity").entity(Integer.class).isEqualTo(200);
        int capacity = 3;
        // Fill the manager up to the limit directly in the table: the rule counts rows, however they came.
        for (int i = 1; i < capacity; i++) {
            fixtures.jdbc().update("""
                    insert into customer (name, type, industry, region, employees, monthly_revenue, tier, manager_id, created_at, updated_at, version)
                    values (?, 'ENTERPRISE', 'OTHER', 'RURAL', 1, 1, 'C', ?, current_timestamp, current_timestamp, 0)""",
                    "filler-" + i, rural.getId());
        }
        assertAssigned(fixtures.customer(fixtures.unique("c"), Tier.C, Region.RURAL), rural);
        assertRefused(fixtures.customer(fixtures.unique("c"), Tier.C, Region.RURAL), rural, "MANAGER_CAPACITY", "BAD_REQUEST");
        as(Fixtures.ADMIN).document("query($id: ID!) { manager(id: $id) { customerCount capacity } }")
                .variable("id", rural.getId().toString()).execute()
                .path("manager.customerCount").entity(Integer.class).isEqualTo(capacity)
                .path("manager.capacity").entity(Integer.class).isEqualTo(capacity);
    }

    @Test
    void urbanCapacityIsTwoHundredByDefault() {
        assertThat(managers.capacityOf(fixtures.manager(fixtures.unique("br"), Region.URBAN, Grade.JUNIOR))).isEqualTo(200);
    }

    @Test
    void refusesSecondAssignmentOfAnAssignedCustomer() {
        CustomerManager a = fixtures.manager(fixtures.unique("br"), Region.URBAN, Grade.JUNIOR);
        CustomerManager b = fixtures.manager(fixtures.unique("br"), Region.URBAN, Grade.JUNIOR);
        Customer customer = fixtures.customer(fixtures.unique("c"), Tier.C, Region.URBAN);
        assertAssigned(customer, a);
        assertRefused(customer, b, "ONE_MANAGER_AT_A_TIME", "CONFLICT");
        assertThat(managerOf(customer)).isEqualTo(a.getId());
    }

    @Test
    void reassignMovesTheCustomerAndKeepsHistory() {
        CustomerManager a = fixtures.manager(fixtures.unique("br"), Region.URBAN, Grade.JUNIOR);
        CustomerManager b = fixtures.manager(fixtures.unique("br"), Region.URBAN, Grade.INTERMEDIATE);
        Customer customer = fixtures.customer(fixtures.unique("c"), Tier.C, Region.URBAN);
        assertAssigned(customer, a);
        GraphQlTester.Response response = as(Fixtures.SUPERVISOR).document(REASSIGN)
                .variable("c", customer.getId().toString()).variable("m", b.getId().toString()).execute();
        response.errors().verify();
        response.path("reassignCustomer.customer.manager.id").entity(String.class).isEqualTo(b.getId().toString());
        response.path("reassignCustomer.customer.assignments[0].manager.id").entity(String.class).isEqualTo(a.getId().toString());
        response.path("reassignCustomer.customer.assignments[0].endedBy").entity(String.class).isEqualTo(Fixtures.SUPERVISOR);
        response.path("reassignCustomer.customer.assignments[0].endReason").entity(String.class).isEqualTo("moved");
        response.path("reassignCustomer.customer.assignments[1].manager.id").entity(String.class).isEqualTo(b.getId().toString());
        response.path("reassignCustomer.customer.assignments[1].endedAt").valueIsNull();
        assertThat(openAssignments(customer)).isEqualTo(1);
    }

    @Test
    void reassignRefusesRuleBreakingTargetAndWritesNothing() {
        CustomerManager senior = fixtures.manager(fixtures.unique("br"), Region.URBAN, Grade.SENIOR);
        CustomerManager junior = fixtures.manager(fixtures.unique("br"), Region.URBAN, Grade.JUNIOR);
        Customer customer = fixtures.customer(fixtures.unique("c"), Tier.A1, Region.URBAN);
        assertAssigned(customer, senior);
        as(Fixtures.SUPERVISOR).document(REASSIGN)
                .variable("c", customer.getId().toString()).variable("m", junior.getId().toString()).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("rule", "GRADE_ALLOWS_TIER")));
        assertThat(managerOf(customer)).isEqualTo(senior.getId());
        assertThat(openAssignments(customer)).isEqualTo(1);
        assertThat(allAssignments(customer)).isEqualTo(1);
    }

    @Test
    void reassignNeedsACurrentManagerAndADifferentOne() {
        CustomerManager a = fixtures.manager(fixtures.unique("br"), Region.URBAN, Grade.JUNIOR);
        Customer unassigned = fixtures.customer(fixtures.unique("c"), Tier.C, Region.URBAN);
        expectRule(as(Fixtures.SUPERVISOR).document(REASSIGN).variable("c", unassigned.getId().toString())
                .variable("m", a.getId().toString()).execute(), "REASSIGN_NEEDS_MANAGER", "CONFLICT");
        Customer assigned = fixtures.customer(fixtures.unique("c"), Tier.C, Region.URBAN);
        fixtures.assign(assigned, a);
        expectRule(as(Fixtures.SUPERVISOR).document(REASSIGN).variable("c", assigned.getId().toString())
                .variable("m", a.getId().toString()).execute(), "DIFFERENT_MANAGER", "BAD_REQUEST");
    }

    @Test
    void unknownCustomerOrManagerIsNotFound() {
        CustomerManager a = fixtures.manager(fixtures.unique("br"), Region.URBAN, Grade.JUNIOR);
        Customer c = fixtures.customer(fixtures.unique("c"), Tier.C, Region.URBAN);
        as(Fixtures.SUPERVISOR).document(ASSIGN).variable("c", "987654321").variable("m", a.getId().toString()).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("NOT_FOUND");
                    assertThat(e.getExtensions()).containsEntry("field", "input.customerId");
                    assertThat(e.getMessage()).isEqualTo("找不到客户：987654321");
                }));
        as(Fixtures.SUPERVISOR, "en").document(ASSIGN).variable("c", "987654321").variable("m", a.getId().toString()).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).isEqualTo("No customer with id 987654321")));
        as(Fixtures.SUPERVISOR).document(ASSIGN).variable("c", c.getId().toString()).variable("m", "987654321").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("NOT_FOUND");
                    assertThat(e.getExtensions()).containsEntry("field", "input.managerId");
                }));
        assertThat(managerOf(c)).isNull();
    }

    private void assertAssigned(Customer customer, CustomerManager manager) {
        GraphQlTester.Response response = as(Fixtures.SUPERVISOR).document(ASSIGN)
                .variable("c", customer.getId().toString()).variable("m", manager.getId().toString()).execute();
        response.errors().verify();
        response.path("assignCustomer.customer.manager.id").entity(String.class).isEqualTo(manager.getId().toString());
        response.path("assignCustomer.assignment.assignedBy").entity(String.class).isEqualTo(Fixtures.SUPERVISOR);
        response.path("assignCustomer.assignment.reason").entity(String.class).isEqualTo("rule test");
        assertThat(managerOf(customer)).isEqualTo(manager.getId());
    }

    private void assertRefused(Customer customer, CustomerManager manager, String rule, String classification) {
        Long before = managerOf(customer);
        int assignmentsBefore = allAssignments(customer);
        expectRule(as(Fixtures.SUPERVISOR).document(ASSIGN)
                .variable("c", customer.getId().toString()).variable("m", manager.getId().toString()).execute(), rule, classification);
        assertThat(managerOf(customer)).isEqualTo(before);
        assertThat(allAssignments(customer)).isEqualTo(assignmentsBefore);
    }

    private void expectRule(GraphQlTester.Response response, String rule, String classification) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo(classification);
            assertThat(e.getExtensions()).containsAllEntriesOf(Map.of("rule", rule));
            assertThat(e.getMessage()).isNotBlank();
        }));
    }

    private Long managerOf(Customer customer) {
        return fixtures.jdbc().queryForObject("select manager_id from customer where id = ?", Long.class, customer.getId());
    }

    private int openAssignments(Customer customer) {
        return fixtures.jdbc().queryForObject(
                "select count(*) from customer_assignment where customer_id = ? and ended_at is null", Integer.class, customer.getId());
    }

    private int allAssignments(Customer customer) {
        return fixtures.jdbc().queryForObject(
                "select count(*) from customer_assignment where customer_id = ?", Integer.class, customer.getId());
    }
}
