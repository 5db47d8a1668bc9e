package com.hongda.cms.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.common.Region;
import com.hongda.cms.customer.Customer;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.security.Role;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.ProcessDriver;
import com.hongda.cms.support.StatementCounter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The visits API over GraphQL: next due dates by tier and the overdue flag, planning and logging with who may
 * do it, who sees which visits, the overdue counts per manager, hostile input, a four-byte note and the
 * statements of a page of customers with their visit fields.
 */
class VisitApiTest extends IntegrationTest {

    /** A Monday morning in Beijing. */
    private static final Instant T0 = Instant.parse("2033-03-07T01:00:00Z");

    private static final String LOG = """
            mutation($in: LogVisitInput!) { logVisit(input: $in) { visit { id status visitedOn kind purpose notes
              followUps { action dueOn } customer { id lastVisitOn nextVisitDue visitOverdue } manager { id } } } }""";
    private static final String PLAN = """
            mutation($in: PlanVisitInput!) { planVisit(input: $in) { visit { id status plannedOn } } }""";
    private static final String CUSTOMER = """
            query($id: ID!) { customer(id: $id) { lastVisitOn nextVisitDue visitOverdue } }""";

    @Autowired
    StatementCounter counter;

    @Autowired
    VisitSchedules schedules;

    @BeforeEach
    void clock() {
        ProcessDriver.at(T0);
    }

    @AfterEach
    void realTime() {
        ProcessDriver.resetClock();
    }

    private record Setup(String branch, CustomerManager owner, String ownerLogin, CustomerManager other, String otherLogin,
                         Customer a1, Customer b1, Customer c) {
    }

    /** The owner (supervised by SUPERVISOR) has an A1, a B1 and a C customer; the other manager (SUPERVISOR2) none. */
    private Setup setup() {
        String branch = fixtures.unique("拜访分行");
        String ownerLogin = fixtures.newUser("vmo", Role.MANAGER);
        String otherLogin = fixtures.newUser("vmx", Role.MANAGER);
        CustomerManager owner = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, ownerLogin, Fixtures.SUPERVISOR);
        CustomerManager other = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, otherLogin, Fixtures.SUPERVISOR2);
        Customer a1 = fixtures.customer(fixtures.unique("拜访大客户"), Fixtures.Tier.A1, Region.URBAN);
        Customer b1 = fixtures.customer(fixtures.unique("拜访中客户"), Fixtures.Tier.B1, Region.URBAN);
        Customer c = fixtures.customer(fixtures.unique("拜访小客户"), Fixtures.Tier.C, Region.URBAN);
        fixtures.assign(a1, owner);
        fixtures.assign(b1, owner);
        fixtures.assign(c, owner);
        return new Setup(branch, owner, ownerLogin, other, otherLogin, a1, b1, c);
    }

    private static Map<String, Object> log(Long customer, String visitedOn) {
        Map<String, Object> in = new HashMap<>(Map.of("visitedOn", visitedOn, "kind", "VISIT", "purpose", "季度走访"));
        if (customer != null) {
            in.put("customerId", String.valueOf(customer));
        }
        return in;
    }

    private Map<String, Object> customer(String user, Customer c) {
        return as(user).document(CUSTOMER).variable("id", String.valueOf(c.getId())).execute().errors().verify()
                .path("customer").entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { }).get();
    }

    @Test
    void nextVisitIsDueTheTiersMonthsAfterTheAssignmentThenAfterTheLastVisit() {
        Setup s = setup();
        assertThat(customer(s.ownerLogin(), s.a1())).containsEntry("nextVisitDue", "2033-06-07").containsEntry("visitOverdue", false)
                .containsEntry("lastVisitOn", null);
        assertThat(customer(s.ownerLogin(), s.b1())).containsEntry("nextVisitDue", "2033-09-07");
        assertThat(customer(s.ownerLogin(), s.c())).containsEntry("nextVisitDue", "2034-03-07");

        // Due on 7 June: not overdue that day, overdue the day after.
        ProcessDriver.at(Instant.parse("2033-06-07T01:00:00Z"));
        assertThat(customer(s.ownerLogin(), s.a1())).containsEntry("visitOverdue", false);
        ProcessDriver.at(Instant.parse("2033-06-08T01:00:00Z"));
        assertThat(customer(s.ownerLogin(), s.a1())).containsEntry("visitOverdue", true);
        assertThat(customer(s.ownerLogin(), s.b1())).containsEntry("visitOverdue", false);

        as(s.ownerLogin()).document(LOG).variable("in", log(s.a1().getId(), "2033-06-05")).execute().errors().verify()
                .path("logVisit.visit.customer.lastVisitOn").entity(String.class).isEqualTo("2033-06-05")
                .path("logVisit.visit.customer.nextVisitDue").entity(String.class).isEqualTo("2033-09-05")
                .path("logVisit.visit.customer.visitOverdue").entity(Boolean.class).isEqualTo(false);
        // A visit logged late for an earlier day does not move the last visit back.
        as(s.ownerLogin()).document(LOG).variable("in", log(s.a1().getId(), "2033-05-01")).execute().errors().verify()
                .path("logVisit.visit.customer.lastVisitOn").entity(String.class).isEqualTo("2033-06-05");

        // The assessment's input: on a day, of the customers assigned by then, how many were overdue then.
        assertThat(schedules.coverage(s.owner().getId(), LocalDate.parse("2033-06-30"))).isEqualTo(new VisitCoverage(3, 0));
        // By 30 September the A1 (due 5 September) and the B1 (due 7 September, never visited) are overdue.
        VisitCoverage september = schedules.coverage(s.owner().getId(), LocalDate.parse("2033-09-30"));
        assertThat(september).isEqualTo(new VisitCoverage(3, 2));
        assertThat(september.percent()).isEqualByComparingTo("33.33333333333333");
        // Before the assignment the customers were not theirs; a manager without customers missed nothing.
        assertThat(schedules.coverage(s.owner().getId(), LocalDate.parse("2033-03-01")).percent()).isEqualByComparingTo("100");
        assertThat(schedules.coverage(s.other().getId(), LocalDate.parse("2033-09-30"))).isEqualTo(new VisitCoverage(0, 0));
    }

    @Test
    void aTierChangeMovesTheDueDate() {
        Setup s = setup();
        // The A1 customer's revenue drops to C: due 12 months after the assignment instead of 3.
        as(Fixtures.ADMIN).document("""
                mutation($id: ID!) { updateCustomer(input: {id: $id, monthlyRevenue: 1000}) { customer { tier } } }""")
                .variable("id", String.valueOf(s.a1().getId())).execute().errors().verify()
                .path("updateCustomer.customer.tier").entity(String.class).isEqualTo("C");
        assertThat(customer(s.ownerLogin(), s.a1())).containsEntry("nextVisitDue", "2034-03-07");
    }

    @Test
    void aPlannedVisitIsLoggedOnceAndThenNeverChanged() {
        Setup s = setup();
        String id = as(s.ownerLogin()).document(PLAN).variable("in", Map.of("customerId", String.valueOf(s.b1().getId()),
                "plannedOn", "2033-03-10", "kind", "PHONE", "purpose", "续约沟通")).execute().errors().verify()
                .path("planVisit.visit.status").entity(String.class).isEqualTo("PLANNED")
                .path("planVisit.visit.id").entity(String.class).get();
        ProcessDriver.at(Instant.parse("2033-03-10T06:00:00Z"));
        Map<String, Object> in = new HashMap<>(Map.of("visitId", id, "visitedOn", "2033-03-10", "notes", "客户满意 😀👍🏻 下季度扩容",
                "followUps", List.of(Map.of("action", "发送报价 📄", "dueOn", "2033-03-20"))));
        as(s.ownerLogin()).document(LOG).variable("in", in).execute().errors().verify()
                .path("logVisit.visit.status").entity(String.class).isEqualTo("LOGGED")
                .path("logVisit.visit.kind").entity(String.class).isEqualTo("PHONE")
                .path("logVisit.visit.purpose").entity(String.class).isEqualTo("续约沟通")
                .path("logVisit.visit.notes").entity(String.class).isEqualTo("客户满意 😀👍🏻 下季度扩容")
                .path("logVisit.visit.followUps[0].action").entity(String.class).isEqualTo("发送报价 📄");
        // Read back from the database: the four-byte characters survive.
        as(s.ownerLogin()).document("query($c: ID!) { customerVisits(filter: {customerId: $c}) { nodes { notes followUps { action dueOn } } } }")
                .variable("c", String.valueOf(s.b1().getId())).execute().errors().verify()
                .path("customerVisits.nodes[0].notes").entity(String.class).isEqualTo("客户满意 😀👍🏻 下季度扩容")
                .path("customerVisits.nodes[0].followUps[0].dueOn").entity(String.class).isEqualTo("2033-03-20");
        answered(as(s.ownerLogin()).document(LOG).variable("in", in), "CONFLICT", "input.visitId", "VISIT_LOGGED");
    }

    @Test
    void whoMayPlanLogAndSeeVisits() {
        Setup s = setup();
        String c = String.valueOf(s.c().getId());
        // The owner, their supervisor and ADMIN log; the other manager, another supervisor get NOT_FOUND; HR is FORBIDDEN.
        as(s.ownerLogin()).document(LOG).variable("in", log(s.c().getId(), "2033-03-01")).execute().errors().verify();
        as(Fixtures.SUPERVISOR).document(LOG).variable("in", log(s.c().getId(), "2033-03-02")).execute().errors().verify();
        as(Fixtures.ADMIN).document(LOG).variable("in", log(s.c().getId(), "2033-03-03")).execute().errors().verify();
        answered(as(s.otherLogin()).document(LOG).variable("in", log(s.c().getId(), "2033-03-03")), "NOT_FOUND", "input.customerId", null);
        answered(as(Fixtures.SUPERVISOR2).document(LOG).variable("in", log(s.c().getId(), "2033-03-03")), "NOT_FOUND", "input.customerId", null);
        answered(as(Fixtures.HR).document(LOG).variable("in", log(s.c().getId(), "2033-03-03")), "FORBIDDEN", null, null);
        answered(as(s.otherLogin()).document(PLAN).variable("in", Map.of("customerId", c, "plannedOn", "2033-03-10", "kind", "VISIT",
                "purpose", "x")), "NOT_FOUND", "input.customerId", null);

        String list = "query($c: ID!) { customerVisits(filter: {customerId: $c}) { totalCount nodes { visitedOn manager { id } } } }";
        for (String user : List.of(s.ownerLogin(), Fixtures.SUPERVISOR, Fixtures.HR, Fixtures.AUDITOR, Fixtures.ADMIN, Fixtures.SERVICE)) {
            as(user).document(list).variable("c", c).execute().errors().verify()
                    .path("customerVisits.totalCount").entity(Integer.class).isEqualTo(3)
                    .path("customerVisits.nodes[0].visitedOn").entity(String.class).isEqualTo("2033-03-03");
        }
        for (String user : List.of(s.otherLogin(), Fixtures.SUPERVISOR2, Fixtures.COMMITTEE)) {
            as(user).document(list).variable("c", c).execute().errors().verify()
                    .path("customerVisits.totalCount").entity(Integer.class).isEqualTo(0);
        }
        // Paging through the kit: two of three, then the last one.
        String after = as(Fixtures.ADMIN).document("query($c: ID!) { customerVisits(filter: {customerId: $c}, first: 2) { pageInfo { endCursor hasNextPage } } }")
                .variable("c", c).execute().errors().verify().path("customerVisits.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("customerVisits.pageInfo.endCursor").entity(String.class).get();
        as(Fixtures.ADMIN).document("query($c: ID!, $a: String) { customerVisits(filter: {customerId: $c}, first: 2, after: $a) { nodes { visitedOn } } }")
                .variable("c", c).variable("a", after).execute().errors().verify()
                .path("customerVisits.nodes[*].visitedOn").entityList(String.class).containsExactly("2033-03-01");
        as(Fixtures.ADMIN).document("query($m: ID!) { customerVisits(filter: {managerId: $m, from: \"2033-03-02\", to: \"2033-03-02\"}) { totalCount } }")
                .variable("m", String.valueOf(s.owner().getId())).execute().errors().verify()
                .path("customerVisits.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void overdueCountsPerManagerForTheirSupervisorHrAuditorAndAdmin() {
        Setup s = setup();
        ProcessDriver.at(Instant.parse("2033-09-09T01:00:00Z"));
        String q = "query($a: ID!, $b: ID!) { a: manager(id: $a) { overdueVisits } b: manager(id: $b) { overdueVisits } }";
        String a = String.valueOf(s.owner().getId());
        String b = String.valueOf(s.other().getId());
        for (String user : List.of(Fixtures.HR, Fixtures.AUDITOR, Fixtures.ADMIN)) {
            as(user).document(q).variable("a", a).variable("b", b).execute().errors().verify()
                    .path("a.overdueVisits").entity(Integer.class).isEqualTo(2)
                    .path("b.overdueVisits").entity(Integer.class).isEqualTo(0);
        }
        as(Fixtures.SUPERVISOR).document(q).variable("a", a).variable("b", b).execute().errors().verify()
                .path("a.overdueVisits").entity(Integer.class).isEqualTo(2)
                .path("b.overdueVisits").valueIsNull();
        as(Fixtures.SUPERVISOR2).document(q).variable("a", a).variable("b", b).execute().errors().verify()
                .path("a.overdueVisits").valueIsNull()
                .path("b.overdueVisits").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void hostileInputIsRefusedNamingTheFieldAndWritesNothing() {
        Setup s = setup();
        long a1 = s.a1().getId();
        answered(as(Fixtures.ADMIN).document(LOG).variable("in", log(99_999_999L, "2033-03-01")), "NOT_FOUND", "input.customerId", null);
        Map<String, Object> unknownVisit = log(null, "2033-03-01");
        unknownVisit.put("visitId", "99999999");
        answered(as(Fixtures.ADMIN).document(LOG).variable("in", unknownVisit), "NOT_FOUND", "input.visitId", null);
        answered(as(Fixtures.ADMIN).document(LOG).variable("in", log(a1, "2033-03-08")), "BAD_REQUEST", "input.visitedOn", "NOT_IN_FUTURE");
        answered(as(Fixtures.ADMIN).document(LOG).variable("in", log(a1, "1999-03-08")), "BAD_REQUEST", "input.visitedOn", "DATE_RANGE");
        Map<String, Object> huge = log(a1, "2033-03-01");
        huge.put("notes", "字".repeat(70_000));
        answered(as(Fixtures.ADMIN).document(LOG).variable("in", huge), "BAD_REQUEST", "input.notes", null);
        Map<String, Object> many = log(a1, "2033-03-01");
        List<Map<String, Object>> followUps = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            followUps.add(Map.of("action", "跟进 " + i, "dueOn", "2033-04-01"));
        }
        many.put("followUps", followUps);
        answered(as(Fixtures.ADMIN).document(LOG).variable("in", many), "BAD_REQUEST", "input.followUps", null);
        Map<String, Object> early = log(a1, "2033-03-01");
        early.put("followUps", List.of(Map.of("action", "x", "dueOn", "2033-02-01")));
        answered(as(Fixtures.ADMIN).document(LOG).variable("in", early), "BAD_REQUEST", "input.followUps[0].dueOn", "DATE_RANGE");
        Map<String, Object> longAction = log(a1, "2033-03-01");
        longAction.put("followUps", List.of(Map.of("action", "x".repeat(501), "dueOn", "2033-04-01")));
        answered(as(Fixtures.ADMIN).document(LOG).variable("in", longAction), "BAD_REQUEST", "input.followUps[0].action", null);
        Map<String, Object> both = log(a1, "2033-03-01");
        both.put("visitId", "1");
        answered(as(Fixtures.ADMIN).document(LOG).variable("in", both), "BAD_REQUEST", "input.visitId", "ONE_OF");
        Map<String, Object> blank = log(a1, "2033-03-01");
        blank.put("purpose", "   ");
        answered(as(Fixtures.ADMIN).document(LOG).variable("in", blank), "BAD_REQUEST", "input.purpose", null);
        answered(as(Fixtures.ADMIN).document(PLAN).variable("in", Map.of("customerId", String.valueOf(a1), "plannedOn", "2033-03-06",
                "kind", "VISIT", "purpose", "x")), "BAD_REQUEST", "input.plannedOn", "DATE_RANGE");
        answered(as(Fixtures.ADMIN).document(PLAN).variable("in", Map.of("customerId", "abc", "plannedOn", "2033-03-08",
                "kind", "VISIT", "purpose", "x")), "BAD_REQUEST", "input.customerId", null);
        answered(as(Fixtures.ADMIN).document(PLAN).variable("in", Map.of("customerId", String.valueOf(a1), "plannedOn", "2033-03-08",
                "kind", "VISIT", "purpose", "x".repeat(70_000))), "BAD_REQUEST", "input.purpose", null);
        answered(as(Fixtures.ADMIN).document("{ customerVisits(filter: {from: \"2033-03-02\", to: \"2033-03-01\"}) { totalCount } }"),
                "BAD_REQUEST", "filter.to", "DATE_RANGE");
        answered(as(Fixtures.ADMIN).document("{ customerVisits(filter: {customerId: \"x\"}) { totalCount } }"), "BAD_REQUEST", "filter.customerId", null);
        answered(as(Fixtures.ADMIN).document("{ customerVisits(first: -1) { totalCount } }"), "BAD_REQUEST", "first", "PAGE_SIZE");
        as(Fixtures.ADMIN).document("query($c: ID!) { customerVisits(filter: {customerId: $c}) { totalCount } }")
                .variable("c", String.valueOf(a1)).execute().errors().verify().path("customerVisits.totalCount").entity(Integer.class).isEqualTo(0);
        assertThat(customer(Fixtures.ADMIN, s.a1())).containsEntry("lastVisitOn", null);
    }

    @Test
    void aPageOfCustomersWithTheirVisitFieldsTakesTheSameStatementsFor5And20() {
        String branch = fixtures.unique("拜访页");
        CustomerManager m = fixtures.manager(branch, Region.URBAN, Grade.SENIOR);
        for (int i = 0; i < 20; i++) {
            Customer c = fixtures.customer(fixtures.unique("页客户"), Fixtures.Tier.C, Region.URBAN);
            fixtures.assign(c, m);
        }
        String page = """
                query($m: ID!, $n: Int!) { customers(filter: {managerId: $m}, first: $n) { nodes { id lastVisitOn nextVisitDue visitOverdue
                  manager { overdueVisits } } } }""";
        long[] counts = new long[2];
        int[] sizes = {5, 20};
        for (int k = 0; k < 2; k++) {
            as(Fixtures.ADMIN).document(page).variable("m", String.valueOf(m.getId())).variable("n", sizes[k]).execute().errors().verify();
            counter.reset();
            as(Fixtures.ADMIN).document(page).variable("m", String.valueOf(m.getId())).variable("n", sizes[k]).execute().errors().verify()
                    .path("customers.nodes").entityList(Object.class).hasSize(sizes[k]);
            counts[k] = counter.count();
        }
        assertThat(counts[1]).as("statements for 20 customers against 5").isEqualTo(counts[0]);
    }
}
