package com.hongda.cms.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.demo.DemoDataSeeder;
import com.hongda.cms.security.IdentityBootstrap;
import com.hongda.cms.support.InboxClient;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.ProcessDriver;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A branch of managers through a monthly round and the annual review to a published ranking, over
 * GraphQL, as the demo users (password {@code demo}): HR sets up the branch headed by the demo
 * supervisor and opens the rounds; the manager, the supervisor, HR and the service desk work their
 * parts in the inbox; the supervisor confirms; HR publishes; the committee reads the ranking (two
 * managers tied), the manager their own result only, the auditor who entered what. Only the engine's
 * jobs and clock are driven directly.
 */
class AssessmentStoryTest extends IntegrationTest {

    @Autowired
    IdentityService identity;

    @Autowired
    IdentityBootstrap identities;

    @Autowired
    ProcessDriver process;

    @Autowired
    TaskService tasks;

    @AfterEach
    void realTime() {
        ProcessDriver.resetClock();
    }

    @Test
    void aBranchIsAssessedMonthlyThenReviewedForTheYearAndTheCommitteeReadsTheRanking() {
        DemoDataSeeder.ensureUsers(identity, identities);
        ProcessDriver.at(Instant.parse("2032-02-02T02:00:00Z"));
        String code = fixtures.unique("ST").replaceAll("[^A-Za-z0-9-]", "");
        String branch = call("hr", "mutation($c: String!) { createBranch(input: {code: $c, name: $c, region: URBAN, headId: \"supervisor\"}) {"
                + " branch { id } } }", Map.of("c", code)).path("createBranch.branch.id").entity(String.class).get();
        // Three managers: two juniors who will tie, one intermediate; the demo manager1's record is the first.
        String m1 = manager("manager1", branch, "JUNIOR");
        String m2 = manager(null, branch, "JUNIOR");
        String m3 = manager(null, branch, "INTERMEDIATE");

        String monthly = open("MONTHLY", branch);
        Map<String, String> results = results(monthly);
        assertThat(results).containsOnlyKeys(m1, m2, m3);
        InboxClient inbox = new InboxClient(this::demo);
        for (Map.Entry<String, String> r : results.entrySet()) {
            String bk = "ASSESSMENT-" + r.getValue();
            inbox.work(r.getKey().equals(m1) ? "manager1" : "hr", bk, "selfAssessment", qualitative("self", r.getKey().equals(m3) ? 70 : 80));
            inbox.work("supervisor", bk, "supervisorRating", qualitative("supervisor", r.getKey().equals(m3) ? 70 : 90));
            inbox.work("hr", bk, "performanceFigures", performance(r.getKey().equals(m3) ? 60 : 70));
            inbox.work("service", bk, "customerRatings", Map.of("customerRating1", 100, "customerRating2", 80));
            process.runJobs(pi(r.getValue()));
            inbox.work("supervisor", bk, "confirmResult", Map.of("confirmationComment", "属实"));
        }
        publish(monthly);
        String annual = open("ANNUAL", branch);
        publish(annual);

        // The committee reads the annual ranking (the annual score of one monthly round is that round's score).
        // Juniors: qualitative 0.3×80 + 0.7×90 = 87, customer satisfaction 0.5×90 + 0.5×87 = 88.5, behaviour 87.45,
        // ability 87, performance 0.9×70 + 0.1×100 (customer visits: no customers, none overdue) = 73:
        // 0.6×73 + 0.2×87.45 + 0.2×87 = 78.69 — a tie: rank 1 of 2, top 50 %.
        // Intermediate: qualitative 70, customer satisfaction 80, behaviour 73, ability 70, performance 0.9×60 + 10 = 64:
        // 38.4 + 14.6 + 14 = 67, alone in the grade: rank 1 of 1, top 100 %.
        List<Map<String, Object>> ranking = demo("committee").document("""
                query($r: ID!) { assessmentResults(filter: {roundId: $r}, first: 10) { nodes { managerId grade totalScore
                  rankInGroup groupSize topPercent } } }""").variable("r", annual).execute()
                .path("assessmentResults.nodes").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .get();
        assertThat(ranking).extracting(r -> r.get("managerId") + " " + r.get("grade") + " " + r.get("totalScore") + " "
                + r.get("rankInGroup") + "/" + r.get("groupSize") + " " + r.get("topPercent")).containsExactlyInAnyOrder(
                m1 + " JUNIOR 78.69 1/2 50.0", m2 + " JUNIOR 78.69 1/2 50.0", m3 + " INTERMEDIATE 67.0 1/1 100.0");

        // The same through the annual ranking promotion reads; and the monthly pay report:
        // base 4000 + performance pay 4000 × 40 % × 78.69 / 100 = 1259.04 + behaviour 87.45 = 5346.49.
        demo("committee").document("query($b: ID) { annualRanking(year: 2032, branchId: $b, grade: JUNIOR) { totalCount nodes { rankInGroup } } }")
                .variable("b", branch).execute().path("annualRanking.totalCount").entity(Integer.class).isEqualTo(2);
        demo("hr").document("query($r: ID!) { assessmentResult(id: $r) { pay { basePay performancePay behaviourScore total } } }")
                .variable("r", results.get(m1)).execute().path("assessmentResult.pay.total").entity(Double.class).isEqualTo(5346.49);

        // The manager sees their own published results only, with the breakdown.
        GraphQlTester.Response own = demo("manager1").document("""
                { assessmentResults(first: 20) { totalCount nodes { managerId indicators { indicator value } parts { part } } } }""").execute();
        assertThat(own.path("assessmentResults.nodes[*].managerId").entityList(String.class).get()).containsOnly(m1);
        own.path("assessmentResults.nodes[0].parts").entityList(Object.class).hasSize(0);
        // The auditor reads who entered which part, and the visit coverage the score read.
        GraphQlTester.Response audit = demo("auditor").document("query($r: ID!) { assessmentResult(id: $r) { parts { part values enteredBy } } }")
                .variable("r", results.get(m1)).execute();
        audit.path("assessmentResult.parts[*].enteredBy").entityList(String.class).containsExactly("manager1", "supervisor", "hr", "service", "system");
        audit.path("assessmentResult.parts[4].values").entity(String.class).isEqualTo("{\"customers\":0,\"overdue\":0}");
    }

    private String manager(String login, String branch, String grade) {
        if (login != null) {
            String existing = fixtures.jdbc().queryForList("select id from customer_manager where user_id = ?", String.class, login)
                    .stream().findFirst().orElse(null);
            if (existing != null) {
                call("hr", "mutation($m: ID!, $b: ID!) { transferManager(input: {managerId: $m, branchId: $b, reason: \"考核\"}) { changed } }",
                        Map.of("m", existing, "b", branch));
                return existing;
            }
        }
        Map<String, Object> in = new HashMap<>(Map.of("employeeNo", fixtures.unique("S"), "name", "经理", "branchId", branch,
                "grade", grade, "gradeSince", "2031-01-01"));
        if (login != null) {
            in.put("userId", login);
        }
        return call("hr", "mutation($in: CreateManagerInput!) { createManager(input: $in) { manager { id } } }", Map.of("in", in))
                .path("createManager.manager.id").entity(String.class).get();
    }

    private String open(String kind, String branch) {
        String round = call("hr", """
                mutation($k: RoundKind!, $b: ID) { openAssessmentRound(input: {kind: $k, periodStart: "2032-01-01", periodEnd: "2032-01-31",
                  branchId: $b}) { round { id } } }""", Map.of("k", kind, "b", branch)).path("openAssessmentRound.round.id").entity(String.class).get();
        process.runJobs(roundPi(round));
        return round;
    }

    private void publish(String round) {
        String task = tasks.createTaskQuery().processInstanceId(roundPi(round)).taskDefinitionKey("reviewRound").singleResult().getId();
        demo("hr").document("mutation($id: ID!) { claimTask(input: {taskId: $id}) { task { id } } }").variable("id", task).execute()
                .errors().verify();
        demo("hr").document("""
                mutation($id: ID!) { completeTask(input: {taskId: $id, values: [{key: "publishDecision", value: "PUBLISH"}]}) { processEnded } }""")
                .variable("id", task).execute().errors().verify();
        process.runJobs(roundPi(round));
        call("hr", "query($r: ID!) { assessmentRound(id: $r) { state } }", Map.of("r", round))
                .path("assessmentRound.state").entity(String.class).isEqualTo("PUBLISHED");
    }

    /** Result id by manager id, as HR reads them. */
    private Map<String, String> results(String round) {
        Map<String, String> byManager = new HashMap<>();
        call("hr", "query($r: ID!) { assessmentResults(filter: {roundId: $r}, first: 50) { nodes { id managerId } } }", Map.of("r", round))
                .path("assessmentResults.nodes").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .get().forEach(n -> byManager.put((String) n.get("managerId"), (String) n.get("id")));
        return byManager;
    }

    private String roundPi(String round) {
        return fixtures.jdbc().queryForObject("select process_instance_id from assessment_round where id = ?", String.class, Long.parseLong(round));
    }

    private String pi(String result) {
        return fixtures.jdbc().queryForObject("select process_instance_id from assessment_result where id = ?", String.class, Long.parseLong(result));
    }

    private GraphQlTester.Response call(String user, String document, Map<String, Object> variables) {
        GraphQlTester.Request<?> request = demo(user).document(document);
        for (Map.Entry<String, Object> v : variables.entrySet()) {
            request = request.variable(v.getKey(), v.getValue());
        }
        GraphQlTester.Response response = request.execute();
        response.errors().verify();
        return response;
    }

    private HttpGraphQlTester demo(String user) {
        return withPassword(user, DemoDataSeeder.PASSWORD);
    }

    private static Map<String, Object> qualitative(String prefix, int value) {
        Map<String, Object> values = new HashMap<>();
        for (Indicator i : Indicator.qualitative()) {
            values.put(prefix + Character.toUpperCase(i.key().charAt(0)) + i.key().substring(1), value);
        }
        return values;
    }

    private static Map<String, Object> performance(int value) {
        Map<String, Object> values = new HashMap<>();
        for (Indicator i : Indicator.performance()) {
            values.put(i.key(), value);
        }
        return values;
    }
}
