package com.hongda.cms.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.common.Region;
import com.hongda.cms.customer.Customer;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.security.Role;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.ProcessDriver;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The complaints API over GraphQL: registration by the service desk and by a manager, the queue by
 * urgency with the SLA, who sees which complaint and the complainant's contact in clear or masked,
 * re-routing, linking, hostile input, and the figures checked against a hand calculation.
 */
class ComplaintApiTest extends IntegrationTest {

    /** A Monday morning: working hours and calendar hours agree for the first day. */
    private static final Instant T0 = Instant.parse("2033-03-07T01:00:00Z");

    private static final String REGISTER = """
            mutation($in: RegisterComplaintInput!) { registerComplaint(input: $in) { complaint { id state queueGroup handlerUserId
              sla { runningDue minutesLeft breached level } } } }""";

    @Autowired
    ProcessDriver process;

    @Autowired
    com.hongda.cms.support.StatementCounter counter;

    @BeforeEach
    void clock() {
        ProcessDriver.at(T0);
    }

    @AfterEach
    void realTime() {
        ProcessDriver.resetClock();
    }

    private record Setup(String branch, CustomerManager owner, String ownerLogin, CustomerManager other, String otherLogin,
                         Customer a1, Customer c) {
    }

    private Setup setup() {
        String branch = fixtures.unique("投诉分行");
        String ownerLogin = fixtures.newUser("cmo", Role.MANAGER);
        String otherLogin = fixtures.newUser("cmx", Role.MANAGER);
        CustomerManager owner = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, ownerLogin, Fixtures.SUPERVISOR);
        CustomerManager other = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, otherLogin, Fixtures.SUPERVISOR2);
        Customer a1 = fixtures.customer(fixtures.unique("大客户"), Fixtures.Tier.A1, Region.URBAN);
        Customer c = fixtures.customer(fixtures.unique("小客户"), Fixtures.Tier.C, Region.URBAN);
        fixtures.assign(a1, owner);
        fixtures.assign(c, owner);
        return new Setup(branch, owner, ownerLogin, other, otherLogin, a1, c);
    }

    private Map<String, Object> input(Long customer, Long manager, String severity) {
        Map<String, Object> in = new HashMap<>(Map.of("channel", "PHONE", "category", "SERVICE_QUALITY", "severity", severity,
                "description", "网络经常中断 📶", "complainantName", "李先生", "complainantContact", "13912345678"));
        if (customer != null) {
            in.put("customerId", String.valueOf(customer));
        }
        if (manager != null) {
            in.put("managerId", String.valueOf(manager));
        }
        return in;
    }

    private String register(String user, Map<String, Object> in) {
        return as(user).document(REGISTER).variable("in", in).execute().errors().verify()
                .path("registerComplaint.complaint.id").entity(String.class).get();
    }

    @Test
    void theQueueShowsTheMostUrgentFirstWithItsSla() {
        Setup s = setup();
        String c = register(Fixtures.SERVICE, input(s.c().getId(), null, "LOW"));
        String a1 = register(Fixtures.SERVICE, input(s.a1().getId(), null, "LOW"));
        GraphQlTester.Response queue = as(Fixtures.SERVICE).document("""
                query($b: ID!) { complaints(filter: {states: [HANDLING], branchId: $b}, sort: URGENCY, first: 10) { nodes { id handlerUserId
                  sla { runningDue minutesLeft breached level clock } } } }""")
                .variable("b", fixtures.branchId(s.branch())).execute();
        queue.path("complaints.nodes[*].id").entityList(String.class).containsExactly(a1, c);
        queue.path("complaints.nodes[0].handlerUserId").entity(String.class).isEqualTo(s.ownerLogin());
        queue.path("complaints.nodes[0].sla.minutesLeft").entity(Integer.class).isEqualTo(24 * 60);
        queue.path("complaints.nodes[1].sla.minutesLeft").entity(Integer.class).isEqualTo(48 * 60);
        queue.path("complaints.nodes[0].sla.breached").entity(Boolean.class).isEqualTo(false);
        queue.path("complaints.nodes[0].sla.clock").entity(String.class).isEqualTo("WORKING_DAYS");
        // The customer's record shows its complaints.
        as(Fixtures.SERVICE).document("query($id: ID!) { customer(id: $id) { complaints(first: 5) { nodes { id } } } }")
                .variable("id", String.valueOf(s.a1().getId())).execute().path("customer.complaints.nodes[*].id").entityList(String.class)
                .containsExactly(a1);
    }

    @Test
    void eachSeesTheComplaintsTheyAreEntitledToAndTheContactInClearOnlyWhenEntitled() {
        Setup s = setup();
        // A complaint about the other manager's conduct, concerning the owner's customer.
        String about = register(Fixtures.SERVICE, input(s.a1().getId(), s.other().getId(), "LOW"));
        String query = "query($id: ID!) { complaint(id: $id) { complainantContact } }";
        as(Fixtures.SERVICE).document(query).variable("id", about).execute().path("complaint.complainantContact").entity(String.class)
                .isEqualTo("13912345678");
        as(s.ownerLogin()).document(query).variable("id", about).execute().path("complaint.complainantContact").entity(String.class)
                .isEqualTo("13912345678");
        as(s.otherLogin()).document(query).variable("id", about).execute().path("complaint.complainantContact").entity(String.class)
                .isEqualTo("139****5678");
        as(Fixtures.AUDITOR).document(query).variable("id", about).execute().path("complaint.complainantContact").entity(String.class)
                .isEqualTo("13912345678");
        String stranger = fixtures.newUser("cms", Role.MANAGER);
        fixtures.manager(s.branch(), Region.URBAN, Grade.JUNIOR, stranger, Fixtures.SUPERVISOR);
        answered(as(stranger).document(query).variable("id", about), "NOT_FOUND", "id", null);
        // HR sees escalated complaints only (level 2 and up).
        answered(as(Fixtures.HR).document(query).variable("id", about), "NOT_FOUND", "id", null);
        // The complained-about manager's supervisor handles it (routing: about a manager → the supervisors).
        as(Fixtures.SERVICE).document("query($id: ID!) { complaint(id: $id) { queueGroup handlerUserId } }").variable("id", about).execute()
                .path("complaint.handlerUserId").entity(String.class).isEqualTo(Fixtures.SUPERVISOR2);
    }

    @Test
    void aManagerRegistersOnlyAboutTheirOwnCustomersAndNeverAboutThemselves() {
        Setup s = setup();
        register(s.ownerLogin(), input(s.c().getId(), null, "MEDIUM"));
        answered(as(s.otherLogin()).document(REGISTER).variable("in", input(s.c().getId(), null, "LOW")), "NOT_FOUND", "input.customerId", null);
        answered(as(s.ownerLogin()).document(REGISTER).variable("in", input(s.c().getId(), s.owner().getId(), "LOW")),
                "BAD_REQUEST", "input.managerId", "ABOUT_ONESELF");
        answered(as(Fixtures.HR).document(REGISTER).variable("in", input(s.c().getId(), null, "LOW")), "FORBIDDEN", null, null);
    }

    @Test
    void hostileInputIsClassifiedAndWritesNothing() {
        Setup s = setup();
        Integer before = fixtures.jdbc().queryForObject("select count(*) from complaint", Integer.class);
        Map<String, Object> huge = input(s.c().getId(), null, "LOW");
        huge.put("description", "长".repeat(70_000));
        answered(as(Fixtures.SERVICE).document(REGISTER).variable("in", huge), "BAD_REQUEST", "input.description", null);
        answered(as(Fixtures.SERVICE).document(REGISTER).variable("in", input(99_999_999L, null, "LOW")), "NOT_FOUND", "input.customerId", null);
        answered(as(Fixtures.SERVICE).document(REGISTER).variable("in", input(s.c().getId(), 99_999_999L, "LOW")), "NOT_FOUND", "input.managerId", null);
        Map<String, Object> blank = input(s.c().getId(), null, "LOW");
        blank.put("complainantName", "  ");
        answered(as(Fixtures.SERVICE).document(REGISTER).variable("in", blank), "BAD_REQUEST", "input.complainantName", null);
        assertThat(fixtures.jdbc().queryForObject("select count(*) from complaint", Integer.class)).isEqualTo(before);
        String id = register(Fixtures.SERVICE, input(null, null, "LOW"));
        String reroute = "mutation($in: RerouteComplaintInput!) { rerouteComplaint(input: $in) { complaint { handlerUserId queueGroup } } }";
        answered(as(Fixtures.SERVICE).document(reroute).variable("in", Map.of("complaintId", id, "reason", "x", "handlerUserId", Fixtures.SUPERVISOR,
                "group", "HR")), "BAD_REQUEST", "input.handlerUserId", "ONE_OF");
        answered(as(Fixtures.SERVICE).document(reroute).variable("in", Map.of("complaintId", id, "reason", "x", "handlerUserId", "nobody-x")),
                "BAD_REQUEST", "input.handlerUserId", "PERSON_NOT_FOUND");
        answered(as(Fixtures.SERVICE).document(reroute).variable("in", Map.of("complaintId", "99999999", "reason", "x", "group", "HR")),
                "NOT_FOUND", "input.complaintId", null);
        answered(as(Fixtures.SERVICE).document("{ complaints(filter: {minLevel: 9}) { totalCount } }"), "BAD_REQUEST", "filter.minLevel", "RANGE");
        answered(as(Fixtures.SERVICE).document("{ complaintFigures(filter: {from: \"2030-01-01\", to: \"2031-06-01\"}, groupBy: TIER) { key } }"),
                "BAD_REQUEST", "filter.to", "DATE_RANGE");
        answered(as(Fixtures.SERVICE).document("{ complaint(id: \"abc\") { id } }"), "BAD_REQUEST", "id", null);
    }

    @Test
    void theDeskReRoutesAndLinksAComplaintRegisteredWithoutItsCustomer() {
        Setup s = setup();
        String id = register(Fixtures.SERVICE, input(null, null, "LOW"));
        as(Fixtures.SERVICE).document("query($id: ID!) { complaint(id: $id) { queueGroup tier } }").variable("id", id).execute()
                .path("complaint.queueGroup").entity(String.class).isEqualTo("SERVICE_DESK");
        as(Fixtures.SERVICE).document("""
                mutation($c: ID!, $k: ID!) { linkComplaintCustomer(input: {complaintId: $c, customerId: $k}) { complaint { tier
                  responsibleManager { id } } } }""").variable("c", id).variable("k", String.valueOf(s.a1().getId())).execute()
                .errors().verify().path("linkComplaintCustomer.complaint.tier").entity(String.class).isEqualTo("A1");
        answered(as(Fixtures.SERVICE).document("""
                mutation($c: ID!, $k: ID!) { linkComplaintCustomer(input: {complaintId: $c, customerId: $k}) { complaint { id } } }""")
                .variable("c", id).variable("k", String.valueOf(s.c().getId())), "CONFLICT", "input.complaintId", "ALREADY_LINKED");
        as(Fixtures.SERVICE).document("""
                mutation($c: ID!, $u: String!) { rerouteComplaint(input: {complaintId: $c, handlerUserId: $u, reason: "客户经理跟进 🙂"}) {
                  complaint { handlerUserId routes { handlerUserId reason routedBy } } } }""").variable("c", id).variable("u", s.ownerLogin())
                .execute().errors().verify().path("rerouteComplaint.complaint.routes[0].reason").entity(String.class).isEqualTo("客户经理跟进 🙂");
        // The new handler now finds the first-response task.
        String pi = fixtures.jdbc().queryForObject("select process_instance_id from complaint where id = ?", String.class, Long.parseLong(id));
        process.complete(pi, "respond", s.ownerLogin(), Map.of("firstResponse", "已联系客户"));
    }

    /** Two desk agents re-route one complaint at the same moment: the complaint's row is locked, so both go through, one after the other. */
    @Test
    void twoReRoutingsAtTheSameMomentLeaveOneConsistentHandler() {
        Setup s = setup();
        String id = register(Fixtures.SERVICE, input(null, null, "LOW"));
        String desk2 = fixtures.newUser("desk", Role.SERVICE_DESK);
        List<String> agents = List.of(Fixtures.SERVICE, desk2);
        List<String> targets = List.of(s.ownerLogin(), s.otherLogin());
        List<List<org.springframework.graphql.ResponseError>> answers = com.hongda.cms.support.Simultaneously.run(2, i -> {
            List<org.springframework.graphql.ResponseError> errors = new java.util.ArrayList<>();
            as(agents.get(i)).document("""
                    mutation($c: ID!, $u: String!) { rerouteComplaint(input: {complaintId: $c, handlerUserId: $u, reason: "同时转派"}) {
                      complaint { handlerUserId } } }""").variable("c", id).variable("u", targets.get(i)).execute().errors()
                    .satisfy(errors::addAll);
            return errors;
        });
        long won = answers.stream().filter(List::isEmpty).count();
        assertThat(answers).allSatisfy(errors -> assertThat(errors).isEmpty());
        // The routes recorded are exactly the re-routings that succeeded, and the handler is the last of them.
        List<String> routed = fixtures.jdbc().queryForList("select handler_user_id from complaint_route where complaint_id = ? order by id",
                String.class, Long.parseLong(id));
        assertThat(routed).hasSize((int) won);
        assertThat(fixtures.jdbc().queryForObject("select handler_user_id from complaint where id = ?", String.class, Long.parseLong(id)))
                .isEqualTo(routed.get(routed.size() - 1));
    }

    /** The queue sends the same statements for a page of 5 as for a page of 20, whoever reads it. */
    @Test
    void theQueueReadsAPageInAFixedNumberOfStatements() {
        Setup s = setup();
        for (int i = 0; i < 20; i++) {
            register(Fixtures.SERVICE, input(i % 2 == 0 ? s.a1().getId() : s.c().getId(), i % 3 == 0 ? s.other().getId() : null, "LOW"));
        }
        String queue = """
                query($b: ID!, $n: Int!) { complaints(filter: {branchId: $b}, sort: URGENCY, first: $n) { nodes { id complainantContact
                  customer { name } manager { name } responsibleManager { name } branch { name } sla { minutesLeft breached level }
                  escalations { level } routes { reason } steps { key } } } }""";
        for (String user : List.of(Fixtures.SERVICE, s.ownerLogin(), Fixtures.SUPERVISOR)) {
            long[] counts = new long[2];
            int[] sizes = {5, 20};
            for (int k = 0; k < 2; k++) {
                as(user).document(queue).variable("b", fixtures.branchId(s.branch())).variable("n", sizes[k]).execute().errors().verify();
                counter.reset();
                as(user).document(queue).variable("b", fixtures.branchId(s.branch())).variable("n", sizes[k]).execute().errors().verify()
                        .path("complaints.nodes").entityList(Object.class).hasSize(sizes[k]);
                counts[k] = counter.count();
            }
            assertThat(counts[1]).as(user + ": statements for 20 complaints against 5").isEqualTo(counts[0]);
        }
    }

    @Test
    void theFiguresAreComputedInTheDatabase() {
        Setup s = setup();
        // Three complaints of the owner's customers: answered after 60, 120 and (C-tier) 3000 minutes.
        String x = register(Fixtures.SERVICE, input(s.a1().getId(), null, "LOW"));
        String y = register(Fixtures.SERVICE, input(s.a1().getId(), null, "LOW"));
        String z = register(Fixtures.SERVICE, input(s.c().getId(), null, "LOW"));
        respondAt(x, s.ownerLogin(), T0.plusSeconds(60 * 60));
        respondAt(y, s.ownerLogin(), T0.plusSeconds(120 * 60));
        respondAt(z, s.ownerLogin(), T0.plusSeconds(3000 * 60));
        List<Map<String, Object>> rows = as(Fixtures.SERVICE).document("""
                query($m: ID!) { complaintFigures(filter: {from: "2033-03-01", to: "2033-03-31", managerId: $m}, groupBy: TIER) {
                  key count respondedWithinSlaShare meanFirstResponseMinutes p90FirstResponseMinutes reopenRate meanSatisfaction } }""")
                .variable("m", String.valueOf(s.owner().getId())).execute().errors().verify().path("complaintFigures")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
        // A1: two answered within 24 h, mean 90, p90 = the ⌈0.9 × 2⌉ = 2nd smallest = 120. C: 3000 min > 48 h: breached.
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("key", "A1").containsEntry("count", 2).containsEntry("respondedWithinSlaShare", 1.0)
                .containsEntry("meanFirstResponseMinutes", 90.0).containsEntry("p90FirstResponseMinutes", 120).containsEntry("reopenRate", 0.0);
        assertThat(rows.get(1)).containsEntry("key", "C").containsEntry("count", 1).containsEntry("respondedWithinSlaShare", 0.0)
                .containsEntry("p90FirstResponseMinutes", 3000);
    }

    private void respondAt(String complaint, String user, Instant at) {
        ProcessDriver.at(at);
        String pi = fixtures.jdbc().queryForObject("select process_instance_id from complaint where id = ?", String.class, Long.parseLong(complaint));
        process.complete(pi, "respond", user, Map.of("firstResponse", "已答复"));
    }
}
