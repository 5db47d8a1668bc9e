package com.hongda.cms.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.demo.DemoDataSeeder;
import com.hongda.cms.security.IdentityBootstrap;
import com.hongda.cms.security.Role;
import com.hongda.cms.support.InboxClient;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.ProcessDriver;
import com.hongda.cms.support.Simultaneously;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A branch's promotion cycle from the annual ranking to published grades, over GraphQL, as the demo
 * committee, supervisor, judges, HR and auditor (the managers are users of their own): the preview's
 * quota arithmetic, applications (one declined), the committee's check, the supervisors' evaluations,
 * a panel of five judges scoring at the same moment, a tie broken by the presentation, the SENIOR cap
 * binding (two places for three candidates), HR's refused and accepted amendments, and publication:
 * two promoted to SENIOR, the re-competing SENIOR demoted, one JUNIOR promoted, one re-competing
 * INTERMEDIATE kept and one demoted for declining. Only the engine's jobs and clock are driven directly.
 *
 * <p>Hand calculation (weights 30 / 40 / 30, each part 0-100): I1 0.3×90 + 0.4×90 + 0.3×90 = 90.00;
 * I2 0.3×80 + 0.4×85 + 0.3×80 = 82.00; S2 0.3×100 + 0.4×70 + 0.3×80 = 82.00 (tie with I2, who presented
 * better); J1 0.3×75 + 0.4×70 + 0.3×85 = 76.00; I4 0.3×70 + 0.4×60 + 0.3×70 = 66.00. Ten graded
 * managers: SENIOR target floor(10 × 30 %) = 3, holders 2, one re-competes, places 3 − 1 = 2;
 * INTERMEDIATE target 5, holders 5, two re-compete, places 5 − 3 = 2.
 */
class PromotionStoryTest extends IntegrationTest {

    @Autowired
    IdentityService identity;

    @Autowired
    IdentityBootstrap identities;

    @Autowired
    ProcessDriver process;

    @Autowired
    com.hongda.cms.manager.ManagerService managerService;

    @AfterEach
    void realTime() {
        ProcessDriver.resetClock();
    }

    @Test
    void aBranchGoesThroughItsAnnualCycle() {
        DemoDataSeeder.ensureUsers(identity, identities);
        ProcessDriver.at(Instant.parse("2032-01-12T02:00:00Z"));
        String code = fixtures.unique("PC").replaceAll("[^A-Za-z0-9-]", "");
        String branch = call("hr", "mutation($c: String!) { createBranch(input: {code: $c, name: $c, region: URBAN, headId: \"supervisor\"}) {"
                + " branch { id } } }", Map.of("c", code)).path("createBranch.branch.id").entity(String.class).get();
        Map<String, String> users = new LinkedHashMap<>();
        Map<String, String> ids = new LinkedHashMap<>();
        for (String[] m : new String[][] {{"S1", "SENIOR", "95", "1", "2"}, {"S2", "SENIOR", "80", "2", "2"},
                {"I1", "INTERMEDIATE", "90", "1", "5"}, {"I2", "INTERMEDIATE", "80", "2", "5"}, {"I3", "INTERMEDIATE", "75", "3", "5"},
                {"I4", "INTERMEDIATE", "70", "4", "5"}, {"I5", "INTERMEDIATE", "60", "5", "5"},
                {"J1", "JUNIOR", "85", "1", "3"}, {"J2", "JUNIOR", "70", "2", "3"}, {"J3", "JUNIOR", "60", "3", "3"}}) {
            String login = fixtures.newUser("pm" + m[0], Role.MANAGER);
            users.put(m[0], login);
            ids.put(m[0], manager(login, branch, m[1]));
        }
        annualRanking(branch, ids);
        // S2 owns an A1 customer, which only a SENIOR may own.
        var customer = fixtures.customer(fixtures.unique("大客户 🏢"), com.hongda.cms.support.Fixtures.Tier.A1, com.hongda.cms.common.Region.URBAN);
        fixtures.assign(customer, managerService.get("id", Long.parseLong(ids.get("S2"))));

        // The committee previews the cycle: nothing is started, the arithmetic is shown.
        GraphQlTester.Response preview = call("committee", """
                query($b: ID!) { promotionCyclePreview(branchId: $b, year: 2031) {
                  quotas { grade gradedCount sharePercent target holders recompeting leavingGrade places hardCap }
                  standings { manager { id } review targetGrade reason } } }""", Map.of("b", branch));
        preview.path("promotionCyclePreview.quotas").entityList(Object.class).hasSize(2);
        preview.path("promotionCyclePreview.quotas[1]").entity(Map.class).isEqualTo(Map.of("grade", "SENIOR", "gradedCount", 10,
                "sharePercent", 30, "target", 3, "holders", 2, "recompeting", 1, "leavingGrade", 0, "places", 2, "hardCap", true));
        preview.path("promotionCyclePreview.quotas[0]").entity(Map.class).isEqualTo(Map.of("grade", "INTERMEDIATE", "gradedCount", 10,
                "sharePercent", 50, "target", 5, "holders", 5, "recompeting", 2, "leavingGrade", 0, "places", 2, "hardCap", false));
        Map<String, String> reasons = new HashMap<>();
        preview.path("promotionCyclePreview.standings").entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get()
                .forEach(s -> reasons.put(key(ids, (String) ((Map<?, ?>) s.get("manager")).get("id")), s.get("review") + "/" + s.get("reason")));
        assertThat(reasons).containsEntry("S1", "NONE/TOP_GRADE").containsEntry("S2", "RECOMPETE/BOTTOM_OF_GRADE")
                .containsEntry("I1", "PROMOTE/ELIGIBLE").containsEntry("I2", "PROMOTE/ELIGIBLE").containsEntry("I3", "NONE/RANKING")
                .containsEntry("I4", "RECOMPETE/BOTTOM_OF_GRADE").containsEntry("I5", "RECOMPETE/BOTTOM_OF_GRADE")
                .containsEntry("J1", "PROMOTE/ELIGIBLE").containsEntry("J2", "NONE/RANKING").containsEntry("J3", "NONE/RANKING");
        assertThat(fixtures.jdbc().queryForObject("select count(*) from promotion_cycle where branch_id = ?", Integer.class, Long.parseLong(branch)))
                .isZero();

        String cycle = call("committee", """
                mutation($b: ID!) { openPromotionCycle(input: {branchId: $b, year: 2031, applicationDeadline: "2032-01-26T10:00:00Z"}) {
                  cycle { id state } } }""", Map.of("b", branch)).path("openPromotionCycle.cycle.id").entity(String.class).get();
        String cyclePi = pi("promotion_cycle", cycle);
        process.runJobs(cyclePi);
        Map<String, String> reviews = reviews(cycle, ids);

        InboxClient managers = new InboxClient(this::as);
        InboxClient staff = new InboxClient(this::demo);
        for (String m : List.of("S2", "I1", "I2", "I4", "J1")) {
            managers.work(users.get(m), "REVIEW-" + reviews.get(m), "apply", Map.of("applicationDecision", "APPLY", "statement", "我的申请 " + m + " 🚀"));
            staff.work("committee", "REVIEW-" + reviews.get(m), "checkApplication", Map.of("qualification", "QUALIFIED"));
        }
        managers.work(users.get("I5"), "REVIEW-" + reviews.get("I5"), "apply", Map.of("applicationDecision", "DECLINE"));
        Map<String, Integer> supervisorScores = Map.of("S2", 100, "I1", 90, "I2", 80, "I4", 70, "J1", 75);
        supervisorScores.forEach((m, s) -> staff.work("supervisor", "REVIEW-" + reviews.get(m), "evaluateCandidate", Map.of("supervisorScore", s)));

        // The deadline passes; the committee names the panel — not with a candidate's supervisor on it.
        ProcessDriver.at(Instant.parse("2032-01-26T10:01:00Z"));
        process.runJobs(cyclePi);
        String panelTask = staff.claimable("committee", "CYCLE-" + cycle, "namePanel");
        staff.claim("committee", panelTask).errors().verify();
        assertThat(answered(demo("committee").document("""
                mutation($id: ID!, $v: [FormValueInput!]!) { completeTask(input: {taskId: $id, values: $v}) { processEnded } }""")
                .variable("id", panelTask).variable("v", InboxClient.values(Map.of("judges", "judge1,judge2,judge3,judge4,supervisor"))),
                "BAD_REQUEST", "judges", "JUDGE_SUPERVISES_CANDIDATE")).isNotEmpty();
        staff.complete("committee", panelTask, Map.of("judges", "judge1, judge2, judge3, judge4, judge5")).errors().verify();

        // Five judges score and submit at the same moment; I2's presentation mean is 85.
        Map<String, Integer> presentation = Map.of("S2", 70, "I1", 90, "I4", 60, "J1", 70);
        int[] i2 = {80, 85, 90, 85, 85};
        List<GraphQlTester.Response> sheets = Simultaneously.run(5, j -> {
            List<Map<String, Object>> scores = new java.util.ArrayList<>();
            presentation.forEach((m, s) -> scores.add(Map.of("reviewId", reviews.get(m), "score", s)));
            scores.add(Map.of("reviewId", reviews.get("I2"), "score", i2[j]));
            return demo("judge" + (j + 1)).document("""
                    mutation($c: ID!, $s: [PresentationScoreInput!]!) { scorePresentations(input: {cycleId: $c, scores: $s, submit: true}) {
                      sheet { submittedAt lines { score } } } }""").variable("c", cycle).variable("s", scores).execute();
        });
        sheets.forEach(s -> s.errors().verify());
        // Before the panel closes a judge sees no other judge's score, and the auditor sees all.
        demo("judge1").document("query($r: ID!) { promotionReview(id: $r) { judgeScores { score } totalScore } }")
                .variable("r", reviews.get("I2")).execute().path("promotionReview.judgeScores").entityList(Object.class).hasSize(0);
        demo("auditor").document("query($r: ID!) { promotionReview(id: $r) { judgeScores { judgeId score } } }")
                .variable("r", reviews.get("I2")).execute().path("promotionReview.judgeScores[*].score").entityList(Double.class)
                .contains(80.0, 85.0, 90.0).hasSize(5);
        process.runJobs(cyclePi);

        // Ranked: the tie at 82 goes to the better presentation; two SENIOR places under the cap.
        Map<String, Map<String, Object>> ranked = ranked("hr", cycle, ids);
        assertThat(ranked.get("I1")).containsEntry("totalScore", 90.0).containsEntry("raceRank", 1).containsEntry("proposed", true);
        assertThat(ranked.get("I2")).containsEntry("totalScore", 82.0).containsEntry("presentationScore", 85.0).containsEntry("raceRank", 2)
                .containsEntry("proposed", true);
        assertThat(ranked.get("S2")).containsEntry("totalScore", 82.0).containsEntry("raceRank", 3).containsEntry("proposed", false);
        assertThat(ranked.get("J1")).containsEntry("totalScore", 76.0).containsEntry("raceRank", 1).containsEntry("proposed", true);
        assertThat(ranked.get("I4")).containsEntry("totalScore", 66.0).containsEntry("raceRank", 2).containsEntry("proposed", true);
        // A manager sees no result before publication.
        as(users.get("I1")).document("query($r: ID!) { promotionReview(id: $r) { totalScore raceRank statement } }").variable("r", reviews.get("I1"))
                .execute().path("promotionReview.totalScore").valueIsNull();

        // HR cannot put S2 over the cap; HR takes I4 off and back on, each with a reason.
        assertThat(answered(demo("hr").document(AMEND).variable("r", reviews.get("S2")).variable("p", true).variable("why", "资历深"),
                "CONFLICT", "input.proposed", "QUOTA_FULL")).isNotEmpty();
        call("hr", AMEND, Map.of("r", reviews.get("I4"), "p", false, "why", "复核"));
        call("hr", AMEND, Map.of("r", reviews.get("I4"), "p", true, "why", "复核后恢复 🔄"));
        staff.work("hr", "CYCLE-" + cycle, "approveList", Map.of("approvalNote", "同意"));

        Map<String, String> grades = new HashMap<>();
        ids.forEach((m, id) -> grades.put(m, fixtures.jdbc().queryForObject("select grade from customer_manager where id = ?", String.class,
                Long.parseLong(id))));
        assertThat(grades).containsEntry("S1", "SENIOR").containsEntry("S2", "INTERMEDIATE").containsEntry("I1", "SENIOR")
                .containsEntry("I2", "SENIOR").containsEntry("I3", "INTERMEDIATE").containsEntry("I4", "INTERMEDIATE")
                .containsEntry("I5", "JUNIOR").containsEntry("J1", "INTERMEDIATE").containsEntry("J2", "JUNIOR");
        assertThat(grades.values().stream().filter("SENIOR"::equals).count()).as("the SENIOR cap").isEqualTo(3);
        // The grade history names the cycle's process and HR's approver.
        assertThat(fixtures.jdbc().queryForMap("select reason, process_instance_id, decided_by from manager_grade_change where manager_id = ?"
                + " order by id desc limit 1", Long.parseLong(ids.get("S2"))))
                .containsEntry("REASON", "CYCLE_RECOMPETITION_LOST").containsEntry("PROCESS_INSTANCE_ID", cyclePi).containsEntry("DECIDED_BY", "hr");
        // S2's A1 customer is not moved silently: their supervisor has a reassignment task listing it.
        GraphQlTester.Response reassignment = call("supervisor", """
                query($m: ID!) { customerReassignments(filter: {managerId: $m, state: OPEN}, first: 5) { nodes { cause gradeBefore gradeAfter
                  steps { key } items { tier customer { id } } } } }""", Map.of("m", ids.get("S2")));
        reassignment.path("customerReassignments.nodes[0].items[*].customer.id").entityList(String.class)
                .containsExactly(String.valueOf(customer.getId()));
        reassignment.path("customerReassignments.nodes[0].steps[0].key").entity(String.class).isEqualTo("reassignCustomers");
        reassignment.path("customerReassignments.nodes[0].gradeAfter").entity(String.class).isEqualTo("INTERMEDIATE");
        // The committee downloads the published list: the races first, by target grade and rank.
        byte[] list = server("/promotion/cycles/" + cycle + "/list.xlsx").defaultHeaders(h -> h.setBasicAuth("committee", DemoDataSeeder.PASSWORD))
                .build().get().exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(list))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(11);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("经理 " + users.get("J1"));
            assertThat(sheet.getRow(1).getCell(9).getNumericCellValue()).isEqualTo(76.0);
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("经理 " + users.get("I1"));
            assertThat(sheet.getRow(5).getCell(11).getStringCellValue()).isEqualTo("降一级");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server("/promotion/cycles/" + cycle + "/list.xlsx").defaultHeaders(h -> h.setBasicAuth(users.get("I1"), com.hongda.cms.support.Fixtures.PASSWORD))
                .build().get().exchange().expectStatus().isForbidden();
        // The manager reads their result now; the auditor reads the amendments.
        GraphQlTester.Response mine = as(users.get("I1")).document("query($r: ID!) { promotionReview(id: $r) { raceRank outcome statement } }")
                .variable("r", reviews.get("I1")).execute();
        mine.path("promotionReview.outcome").entity(String.class).isEqualTo("PROMOTED");
        mine.path("promotionReview.raceRank").entity(Integer.class).isEqualTo(1);
        mine.path("promotionReview.statement").entity(String.class).isEqualTo("我的申请 I1 🚀");
        demo("auditor").document("query($c: ID!) { promotionCycle(id: $c) { state approvedBy amendments { reason amendedBy } } }")
                .variable("c", cycle).execute().path("promotionCycle.amendments[*].reason").entityList(String.class)
                .containsExactly("复核", "复核后恢复 🔄");
    }

    private static final String AMEND = """
            mutation($r: ID!, $p: Boolean!, $why: String!) { amendPromotionList(input: {reviewId: $r, proposed: $p, reason: $why}) {
              review { proposed } } }""";

    private String manager(String login, String branch, String grade) {
        Map<String, Object> in = new HashMap<>(Map.of("employeeNo", fixtures.unique("P"), "name", "经理 " + login, "branchId", branch,
                "grade", grade, "gradeSince", "2029-01-01", "userId", login));
        return call("hr", "mutation($in: CreateManagerInput!) { createManager(input: $in) { manager { id } } }", Map.of("in", in))
                .path("createManager.manager.id").entity(String.class).get();
    }

    /** The published annual review of 2031 for the branch, ranked within grade. */
    private void annualRanking(String branch, Map<String, String> ids) {
        Object[][] rows = {{"S1", "SENIOR", 95, 1, 2}, {"S2", "SENIOR", 80, 2, 2}, {"I1", "INTERMEDIATE", 90, 1, 5}, {"I2", "INTERMEDIATE", 80, 2, 5},
                {"I3", "INTERMEDIATE", 75, 3, 5}, {"I4", "INTERMEDIATE", 70, 4, 5}, {"I5", "INTERMEDIATE", 60, 5, 5}, {"J1", "JUNIOR", 85, 1, 3},
                {"J2", "JUNIOR", 70, 2, 3}, {"J3", "JUNIOR", 60, 3, 3}};
        AnnualRanking.publish(fixtures.jdbc(), Long.parseLong(branch), 2031, java.util.Arrays.stream(rows).map(r -> new AnnualRanking.Row(
                Long.parseLong(ids.get((String) r[0])), (String) r[1], (Integer) r[2], (Integer) r[3], (Integer) r[4]))
                .toArray(AnnualRanking.Row[]::new));
    }

    private Map<String, String> reviews(String cycle, Map<String, String> ids) {
        Map<String, String> byKey = new HashMap<>();
        call("committee", "query($c: ID!) { promotionReviews(filter: {cycleId: $c}, first: 50) { nodes { id manager { id } } } }", Map.of("c", cycle))
                .path("promotionReviews.nodes").entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get()
                .forEach(n -> byKey.put(key(ids, (String) ((Map<?, ?>) n.get("manager")).get("id")), (String) n.get("id")));
        return byKey;
    }

    private Map<String, Map<String, Object>> ranked(String user, String cycle, Map<String, String> ids) {
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        call(user, "query($c: ID!) { promotionReviews(filter: {cycleId: $c, state: QUALIFIED}, first: 50) { nodes { manager { id }"
                + " presentationScore totalScore raceRank proposed } } }", Map.of("c", cycle))
                .path("promotionReviews.nodes").entityList(new ParameterizedTypeReference<Map<String, Object>>() { }).get()
                .forEach(n -> byKey.put(key(ids, (String) ((Map<?, ?>) n.get("manager")).get("id")), n));
        return byKey;
    }

    private static String key(Map<String, String> ids, String managerId) {
        return ids.entrySet().stream().filter(e -> e.getValue().equals(managerId)).map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    private String pi(String table, String id) {
        return fixtures.jdbc().queryForObject("select process_instance_id from " + table + " where id = ?", String.class, Long.parseLong(id));
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
}
