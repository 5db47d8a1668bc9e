package com.hongda.cms.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.common.Region;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.security.Role;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.Simultaneously;
import com.hongda.cms.support.StatementCounter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;

/**
 * Reassignment cases through the API: who sees a case; the suggested managers (same branch and region,
 * ACTIVE, grade allowing the tier, room left, fewest customers first) in a fixed number of statements;
 * hostile values answered with classified errors; one refused move moves nothing; two supervisors moving
 * customers at once to a manager with room for one: one succeeds, the other is CONFLICT.
 */
class ReassignmentApiTest extends IntegrationTest {

    private static final String READ = "query($id: ID!) { customerReassignment(id: $id) { id state manager { id } } }";
    private static final String LIST = """
            query($m: ID) { customerReassignments(filter: {managerId: $m, state: OPEN}, first: 10) { totalCount nodes { id } } }""";
    private static final String MOVES = """
            mutation($in: ReassignCustomersInput!) { reassignCustomers(input: $in) { reassignment { id state } } }""";
    private static final String ITEMS = """
            query($id: ID!) { customerReassignment(id: $id) { cause gradeBefore gradeAfter steps { key due } manager { name }
              items { tier movedAt customer { name manager { name } } movedTo { name } suggestions { id name customerCount } } } }""";

    @Autowired
    Demotions demotions;

    @Autowired
    StatementCounter counter;

    private String branch;
    private String head;

    @BeforeEach
    void branch() {
        head = fixtures.newUser("head", Role.SUPERVISOR);
        branch = fixtures.unique("RA");
    }

    @Test
    void theManagersSupervisorsHrAuditorAndAdminSeeACaseOthersDoNot() {
        String login = fixtures.newUser("mgr", Role.MANAGER);
        CustomerManager senior = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, login, head);
        customersOf(senior, Fixtures.Tier.A1, 1);
        String id = demotions.demote(senior).toString();
        String manager = senior.getId().toString();

        for (String user : List.of(head, Fixtures.HR, Fixtures.AUDITOR, Fixtures.ADMIN)) {
            as(user).document(READ).variable("id", id).execute().errors().verify()
                    .path("customerReassignment.manager.id").entity(String.class).isEqualTo(manager);
            as(user).document(LIST).variable("m", manager).execute().errors().verify()
                    .path("customerReassignments.nodes[*].id").entityList(String.class).containsExactly(id);
        }
        for (String user : List.of(Fixtures.SUPERVISOR2, login, Fixtures.COMMITTEE, Fixtures.SERVICE, Fixtures.CANDIDATE)) {
            answered(as(user).document(READ).variable("id", id), "NOT_FOUND", "id", null);
            as(user).document(LIST).variable("m", manager).execute().errors().verify()
                    .path("customerReassignments.totalCount").entity(Integer.class).isEqualTo(0);
        }
        // Seeing is not moving: HR and AUDITOR may not, a supervisor of someone else finds no such case.
        Map<String, Object> in = moves(id, List.of(move("1", manager)));
        answered(as(Fixtures.HR).document(MOVES).variable("in", in), "FORBIDDEN", null, null);
        answered(as(Fixtures.SUPERVISOR2).document(MOVES).variable("in", in), "NOT_FOUND", "input.reassignmentId", null);
    }

    @Test
    void suggestionsAreTheManagersOfTheBranchAndRegionWhoMayTakeTheCustomerFewestCustomersFirst() {
        CustomerManager senior = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, null, head);
        customersOf(senior, Fixtures.Tier.A1, 1);
        CustomerManager busy = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, null, head);
        customersOf(busy, Fixtures.Tier.C, 2);
        CustomerManager idle = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, null, head);
        CustomerManager full = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, null, head);
        customersOf(full, Fixtures.Tier.C, 3);
        fixtures.manager(branch, Region.URBAN, Grade.INTERMEDIATE, null, head);
        fixtures.manager(branch, Region.RURAL, Grade.SENIOR, null, head);
        fixtures.manager(fixtures.unique("RA"), Region.URBAN, Grade.SENIOR, null, head);
        CustomerManager suspended = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, null, head);
        fixtures.jdbc().update("update customer_manager set status = 'SUSPENDED' where id = ?", suspended.getId());
        urbanCapacity(3);
        String id = demotions.demote(senior).toString();

        as(head).document(ITEMS).variable("id", id).execute().errors().verify()
                .path("customerReassignment.cause").entity(String.class).isEqualTo("DEMOTION")
                .path("customerReassignment.gradeAfter").entity(String.class).isEqualTo("INTERMEDIATE")
                .path("customerReassignment.steps[0].key").entity(String.class).isEqualTo("reassignCustomers")
                .path("customerReassignment.items[0].tier").entity(String.class).isEqualTo("A1")
                .path("customerReassignment.items[0].suggestions[*].id").entityList(String.class)
                .containsExactly(idle.getId().toString(), busy.getId().toString());
    }

    @Test
    void aCaseOfTwelveCustomersSendsTheStatementsOfACaseOfTwo() {
        CustomerManager small = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, null, head);
        customersOf(small, Fixtures.Tier.A2, 2);
        CustomerManager large = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, null, head);
        customersOf(large, Fixtures.Tier.A2, 12);
        for (int i = 0; i < 3; i++) {
            customersOf(fixtures.manager(branch, Region.URBAN, Grade.SENIOR, null, head), Fixtures.Tier.B2, i);
        }
        long[] counts = new long[2];
        String[] ids = {demotions.demote(small).toString(), demotions.demote(large).toString()};
        for (int k = 0; k < 2; k++) {
            as(Fixtures.ADMIN).document(ITEMS).variable("id", ids[k]).execute().errors().verify();
            counter.reset();
            as(Fixtures.ADMIN).document(ITEMS).variable("id", ids[k]).execute().errors().verify()
                    .path("customerReassignment.items").entityList(Object.class).hasSize(k == 0 ? 2 : 12)
                    .path("customerReassignment.items[0].suggestions").entityList(Object.class).hasSize(3);
            counts[k] = counter.count();
        }
        assertThat(counts[0]).isPositive();
        assertThat(counts[1]).isEqualTo(counts[0]);
    }

    @Test
    void hostileValuesAreRefusedWithTheirFieldAndMoveNothing() {
        CustomerManager senior = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, null, head);
        long customer = customersOf(senior, Fixtures.Tier.A1, 1).get(0);
        CustomerManager receiver = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, null, head);
        String id = demotions.demote(senior).toString();
        String c = Long.toString(customer);
        String r = receiver.getId().toString();
        String huge = "9".repeat(70_000);

        answered(as(head).document(READ).variable("id", "999999999"), "NOT_FOUND", "id", null);
        answered(as(head).document(READ).variable("id", huge), "BAD_REQUEST", null, null);
        answered(as(head).document(READ).variable("id", "99999999999999999999"), "BAD_REQUEST", "id", "ID_FORMAT");
        answered(as(head).document(LIST).variable("m", "x".repeat(70_000)), "BAD_REQUEST", null, null);
        answered(as(head).document(LIST).variable("m", "-1"), "BAD_REQUEST", "filter.managerId", null);
        answered(as(head).document("{ customerReassignments(first: 101) { totalCount } }"), "BAD_REQUEST", null, "PAGE_SIZE");

        answered(as(head).document(MOVES).variable("in", moves("999999999", List.of(move(c, r)))), "NOT_FOUND", "input.reassignmentId", null);
        answered(as(head).document(MOVES).variable("in", moves(id, List.of(move(c, "999999999")))), "NOT_FOUND",
                "input.moves[0].managerId", null);
        answered(as(head).document(MOVES).variable("in", moves(id, List.of(move(c, r), move("999999999", r)))), "BAD_REQUEST",
                "input.moves[1].customerId", "NOT_IN_REASSIGNMENT");
        answered(as(head).document(MOVES).variable("in", moves(id, List.of(move(c, r), move(c, r)))), "BAD_REQUEST",
                "input.moves[1].customerId", "DUPLICATE_MOVE");
        answered(as(head).document(MOVES).variable("in", moves(id, List.of())), "BAD_REQUEST", "input.moves", null);
        answered(as(head).document(MOVES).variable("in", moves("x".repeat(70_000), List.of(move(c, r)))), "BAD_REQUEST", null, null);
        answered(as(head).document(MOVES).variable("in", moves(id, List.of(move(huge, r)))), "BAD_REQUEST", null, null);
        answered(as(head).document(MOVES).variable("in", moves(id, List.of(move("99999999999999999999", r)))), "BAD_REQUEST",
                "input.moves[0].customerId", "ID_FORMAT");
        answered(as(head).document(MOVES).variable("in", moves(id, List.of(move(c, "0")))), "BAD_REQUEST", "input.moves[0].managerId", null);
        answered(as(Fixtures.MANAGER).document(MOVES).variable("in", moves(id, List.of(move(c, r)))), "FORBIDDEN", null, null);

        assertThat(managerOf(customer)).isEqualTo(senior.getId());
        assertThat(state(id)).isEqualTo("OPEN");
    }

    @Test
    void oneRefusedMoveMovesNothing() {
        CustomerManager senior = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, null, head);
        List<Long> customers = customersOf(senior, Fixtures.Tier.A1, 2);
        CustomerManager receiver = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, null, head);
        CustomerManager intermediate = fixtures.manager(branch, Region.URBAN, Grade.INTERMEDIATE, null, head);
        String id = demotions.demote(senior).toString();

        answered(as(head).document(MOVES).variable("in", moves(id, List.of(move(customers.get(0).toString(), receiver.getId().toString()),
                move(customers.get(1).toString(), intermediate.getId().toString())))), "BAD_REQUEST", "input.moves[1].managerId", "GRADE_ALLOWS_TIER");

        assertThat(customers).allSatisfy(c -> assertThat(managerOf(c)).isEqualTo(senior.getId()));
        assertThat(fixtures.jdbc().queryForObject("select count(*) from customer_reassignment_item where reassignment_id = ?"
                + " and moved_at is not null", Integer.class, Long.parseLong(id))).isZero();
        assertThat(state(id)).isEqualTo("OPEN");

        // Both to the senior: the case is done.
        as(Fixtures.ADMIN).document(MOVES).variable("in", moves(id, customers.stream().map(c -> move(c.toString(), receiver.getId().toString()))
                .toList())).execute().errors().verify().path("reassignCustomers.reassignment.state").entity(String.class).isEqualTo("DONE");
    }

    @Test
    void twoMovesAtOnceToAManagerWithRoomForOneGiveOneSuccessAndOneConflict() {
        CustomerManager first = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, null, head);
        CustomerManager second = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, null, head);
        List<Long> customers = List.of(customersOf(first, Fixtures.Tier.A1, 1).get(0), customersOf(second, Fixtures.Tier.A1, 1).get(0));
        CustomerManager receiver = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, null, head);
        customersOf(receiver, Fixtures.Tier.C, 2);
        urbanCapacity(3);
        List<String> cases = List.of(demotions.demote(first).toString(), demotions.demote(second).toString());
        List<String> users = List.of(head, Fixtures.ADMIN);

        List<List<ResponseError>> answers = Simultaneously.run(2, i -> {
            List<ResponseError> errors = new ArrayList<>();
            as(users.get(i)).document(MOVES).variable("in", moves(cases.get(i), List.of(move(customers.get(i).toString(),
                    receiver.getId().toString())))).execute().errors().satisfy(errors::addAll);
            return errors;
        });

        assertThat(answers).filteredOn(List::isEmpty).hasSize(1);
        assertThat(answers).filteredOn(e -> !e.isEmpty()).singleElement().satisfies(e -> assertThat(e).singleElement().satisfies(err -> {
            assertThat(err.getErrorType().toString()).isEqualTo("CONFLICT");
            assertThat(err.getExtensions()).containsEntry("rule", "MANAGER_CAPACITY").containsEntry("field", "input.moves[0].managerId");
        }));
        assertThat(fixtures.jdbc().queryForObject("select count(*) from customer where manager_id = ?", Integer.class, receiver.getId()))
                .isEqualTo(3);
        assertThat(cases.stream().map(this::state).toList()).containsExactlyInAnyOrder("DONE", "OPEN");
    }

    private List<Long> customersOf(CustomerManager manager, Fixtures.Tier tier, int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Customer c = fixtures.customer(fixtures.unique("rc"), tier, Region.URBAN);
            fixtures.assign(c, manager);
            ids.add(c.getId());
        }
        return ids;
    }

    private void urbanCapacity(int capacity) {
        as(Fixtures.HR).document("""
                mutation($id: ID!, $n: Int!) { updateBranch(input: {id: $id, settings: {urbanCapacity: $n}, reason: "small"}) { branch { id } } }""")
                .variable("id", fixtures.branchId(branch)).variable("n", capacity).execute().errors().verify();
    }

    private static Map<String, Object> moves(String id, List<Map<String, Object>> moves) {
        Map<String, Object> in = new HashMap<>();
        in.put("reassignmentId", id);
        in.put("moves", moves);
        return in;
    }

    private static Map<String, Object> move(String customer, String manager) {
        return Map.of("customerId", customer, "managerId", manager);
    }

    private Long managerOf(long customer) {
        return fixtures.jdbc().queryForObject("select manager_id from customer where id = ?", Long.class, customer);
    }

    private String state(String id) {
        return fixtures.jdbc().queryForObject("select state from customer_reassignment where id = ?", String.class, Long.parseLong(id));
    }
}
