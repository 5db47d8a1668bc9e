package com.hongda.cms.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.common.Region;
import com.hongda.cms.manager.CreateManagerInput;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.security.Role;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.InboxClient;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.ProcessDriver;
import com.hongda.cms.support.Simultaneously;
import com.hongda.cms.support.StatementCounter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
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
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The promotion cycle's API at its edges: who may preview, open, read, score and amend; hostile values
 * on every argument of every promotion query and mutation (a classified answer naming the field, never
 * an internal error, nothing written); the cycle's rules as refusals; two HR amendments racing for the
 * last place of a race; and the reviews' list sending the same statements for any page size.
 *
 * <p>Each test builds its own branch: five JUNIORs ranked 1st to 5th of their grade in the published
 * annual review of 2031, so that the first three (top 20, 40 and 60 %) are eligible for INTERMEDIATE,
 * the other two are listed for nothing. Five graded managers give INTERMEDIATE floor(5 × 50 %) = 2
 * places. Managers 0–2 are supervised by one supervisor, 3–4 by another; no branch head.
 */
class PromotionApiTest extends IntegrationTest {

    private static final Instant NOW = Instant.parse("2032-03-01T02:00:00Z");
    private static final int YEAR = 2031;

    private static final String PREVIEW = """
            query($b: ID!, $y: Int!) { promotionCyclePreview(branchId: $b, year: $y) { year quotas { grade places } standings { reason } } }""";
    private static final String OPEN = """
            mutation($in: OpenPromotionCycleInput!) { openPromotionCycle(input: $in) { cycle { id state } } }""";
    private static final String CYCLE = "query($id: ID!) { promotionCycle(id: $id) { id state judges } }";
    private static final String CYCLES = """
            query($f: PromotionCycleFilter) { promotionCycles(filter: $f, first: 100) { totalCount nodes { id } } }""";
    private static final String REVIEW = """
            query($id: ID!) { promotionReview(id: $id) { id state presentationScore totalScore raceRank proposed
              judgeScores { judgeId score } } }""";
    private static final String REVIEWS = """
            query($f: PromotionReviewFilter) { promotionReviews(filter: $f, first: 100) { totalCount nodes { id state } } }""";
    private static final String SHEET = "query($c: ID!) { myScoreSheet(cycleId: $c) { judgeId submittedAt lines { review { id } score } } }";
    private static final String SCORE = """
            mutation($in: ScorePresentationsInput!) { scorePresentations(input: $in) { sheet { submittedAt lines { review { id } score } } } }""";
    private static final String AMEND = """
            mutation($in: AmendPromotionListInput!) { amendPromotionList(input: $in) { review { id proposed } } }""";
    private static final String COMPLETE = """
            mutation($id: ID!, $v: [FormValueInput!]!) { completeTask(input: {taskId: $id, values: $v}) { processEnded } }""";

    /** The roles that are no part of a cycle's staff. */
    private static final List<String> OUTSIDERS = List.of(Fixtures.MANAGER, Fixtures.SUPERVISOR, Fixtures.JUDGE, Fixtures.CANDIDATE);

    @Autowired
    ProcessDriver process;

    @Autowired
    ManagerService managers;

    @Autowired
    StatementCounter counter;

    private final InboxClient inbox = new InboxClient(this::as);

    @BeforeEach
    void clock() {
        ProcessDriver.at(NOW);
    }

    @AfterEach
    void realTime() {
        ProcessDriver.resetClock();
    }

    // ---------------------------------------------------------------- 1. who may do what

    @Test
    void onlyTheCommitteeHrAndAuditorPreviewAndOnlyTheCommitteeOpens() {
        Branch b = branch();
        for (String user : OUTSIDERS) {
            answered(request(user, PREVIEW, "b", b.id(), "y", YEAR), "FORBIDDEN", null, null);
        }
        for (String user : List.of(Fixtures.COMMITTEE, Fixtures.HR, Fixtures.AUDITOR)) {
            request(user, PREVIEW, "b", b.id(), "y", YEAR).execute().errors().verify().path("promotionCyclePreview.standings")
                    .entityList(Object.class).hasSize(5);
        }
        for (String user : List.of(Fixtures.MANAGER, Fixtures.SUPERVISOR, Fixtures.JUDGE, Fixtures.CANDIDATE, Fixtures.HR, Fixtures.AUDITOR)) {
            answered(request(user, OPEN, "in", openInput(b.id(), YEAR, null)), "FORBIDDEN", null, null);
        }
        assertThat(cyclesOf(b)).isZero();
        request(Fixtures.COMMITTEE, OPEN, "in", openInput(b.id(), YEAR, null)).execute().errors().verify()
                .path("openPromotionCycle.cycle.state").entity(String.class).isEqualTo("APPLYING");
        assertThat(cyclesOf(b)).isOne();
    }

    @Test
    void aCycleIsSeenByTheWholeCycleRolesAndItsPanelOnly() {
        Cycle c = judging(2);
        String outsider = fixtures.newUser("pjx", Role.JUDGE);
        Map<String, Object> ofBranch = Map.of("branchId", c.branch.id());
        for (String user : List.of(c.branch.login(0), c.branch.supervisorA(), outsider, Fixtures.CANDIDATE)) {
            answered(request(user, CYCLE, "id", c.id), "NOT_FOUND", "id", null);
            request(user, CYCLES, "f", ofBranch).execute().errors().verify().path("promotionCycles.nodes").entityList(Object.class).hasSize(0);
        }
        for (String user : List.of(c.judges.get(0), Fixtures.COMMITTEE, Fixtures.HR, Fixtures.AUDITOR)) {
            assertThat(request(user, CYCLE, "id", c.id).execute().errors().verify().path("promotionCycle.judges").entityList(String.class)
                    .get()).containsExactlyInAnyOrderElementsOf(c.judges);
            request(user, CYCLES, "f", ofBranch).execute().errors().verify().path("promotionCycles.nodes[*].id").entityList(String.class)
                    .containsExactly(c.id);
        }
    }

    @Test
    void reviewsAreSeenByTheirManagerTheirSupervisorAndThePanelOfTheQualified() {
        Cycle c = judging(2);
        String outsider = fixtures.newUser("pjx", Role.JUDGE);
        assertThat(visibleReviews(c.branch.login(0), c)).containsExactly(c.review(0));
        assertThat(visibleReviews(c.branch.login(4), c)).containsExactly(c.review(4));
        answered(request(c.branch.login(0), REVIEW, "id", c.review(1)), "NOT_FOUND", "id", null);
        assertThat(visibleReviews(c.branch.supervisorA(), c)).containsExactlyInAnyOrder(c.review(0), c.review(1), c.review(2));
        assertThat(visibleReviews(c.branch.supervisorB(), c)).containsExactlyInAnyOrder(c.review(3), c.review(4));
        answered(request(c.branch.supervisorB(), REVIEW, "id", c.review(0)), "NOT_FOUND", "id", null);
        // The panel reads the two qualified candidates, not the one who declined nor the two listed.
        assertThat(visibleReviews(c.judges.get(0), c)).containsExactlyInAnyOrder(c.review(0), c.review(1));
        answered(request(c.judges.get(0), REVIEW, "id", c.review(2)), "NOT_FOUND", "id", null);
        assertThat(visibleReviews(outsider, c)).isEmpty();
        assertThat(visibleReviews(Fixtures.CANDIDATE, c)).isEmpty();
        assertThat(visibleReviews(Fixtures.COMMITTEE, c)).hasSize(5);
    }

    @Test
    void onlyHrAmendsTheList() {
        Cycle c = approval(3);
        for (String user : List.of(Fixtures.COMMITTEE, Fixtures.AUDITOR, Fixtures.ADMIN, c.branch.supervisorA(), c.judges.get(0),
                c.branch.login(0), Fixtures.CANDIDATE)) {
            answered(request(user, AMEND, "in", amendInput(c.review(0), false, "不合适")), "FORBIDDEN", null, null);
        }
        assertThat(amendmentsOf(c)).isZero();
        request(Fixtures.HR, AMEND, "in", amendInput(c.review(0), false, "复核")).execute().errors().verify()
                .path("amendPromotionList.review.proposed").entity(Boolean.class).isEqualTo(false);
        assertThat(amendmentsOf(c)).isOne();
    }

    @Test
    void onlyAJudgeOnThePanelScoresAndReadsTheSheet() {
        Cycle c = judging(2);
        String outsider = fixtures.newUser("pjx", Role.JUDGE);
        answered(score(outsider, c.id, List.of(line(c.review(0), 80)), false), "NOT_FOUND", "input.cycleId", null);
        answered(request(outsider, SHEET, "c", c.id), "NOT_FOUND", "cycleId", null);
        // Not the role but the seat: anyone else, whatever their roles, finds no sheet.
        for (String user : List.of(Fixtures.COMMITTEE, Fixtures.HR, Fixtures.AUDITOR, c.branch.supervisorA(), c.branch.login(0))) {
            answered(score(user, c.id, List.of(line(c.review(0), 80)), false), "NOT_FOUND", "input.cycleId", null);
            answered(request(user, SHEET, "c", c.id), "NOT_FOUND", "cycleId", null);
        }
        assertThat(scoresOf(c)).isZero();
        score(c.judges.get(0), c.id, List.of(line(c.review(0), 80)), false).execute().errors().verify()
                .path("scorePresentations.sheet.lines[*].score").entityList(Double.class).containsExactly(80.0, null);
        request(c.judges.get(0), SHEET, "c", c.id).execute().errors().verify().path("myScoreSheet.lines").entityList(Object.class).hasSize(2);
    }

    @Test
    void resultsAreHiddenFromManagersAndJudgesUntilPublication() {
        Cycle c = approval(3);
        for (String user : List.of(c.branch.login(0), c.branch.supervisorA(), c.judges.get(0))) {
            GraphQlTester.Response r = request(user, REVIEW, "id", c.review(0)).execute();
            r.errors().verify();
            for (String field : List.of("presentationScore", "totalScore", "raceRank", "proposed")) {
                r.path("promotionReview." + field).valueIsNull();
            }
        }
        GraphQlTester.Response committee = request(Fixtures.COMMITTEE, REVIEW, "id", c.review(0)).execute();
        committee.errors().verify();
        committee.path("promotionReview.totalScore").entity(Double.class).isEqualTo(86.0);
        committee.path("promotionReview.raceRank").entity(Integer.class).isEqualTo(1);
        committee.path("promotionReview.proposed").entity(Boolean.class).isEqualTo(true);
        committee.path("promotionReview.presentationScore").entity(Double.class).isEqualTo(80.0);
    }

    @Test
    void eachJudgesScoresAreForTheAuditorAloneUntilThePanelCloses() {
        Cycle c = judging(2);
        for (String judge : c.judges.subList(0, 2)) {
            score(judge, c.id, List.of(line(c.review(0), 70), line(c.review(1), 75)), true).execute().errors().verify();
        }
        for (String user : List.of(c.judges.get(0), c.judges.get(2), Fixtures.COMMITTEE, Fixtures.HR, c.branch.login(0))) {
            request(user, REVIEW, "id", c.review(0)).execute().errors().verify().path("promotionReview.judgeScores")
                    .entityList(Object.class).hasSize(0);
        }
        assertThat(request(Fixtures.AUDITOR, REVIEW, "id", c.review(0)).execute().errors().verify()
                .path("promotionReview.judgeScores[*].judgeId").entityList(String.class).get())
                .containsExactlyInAnyOrder(c.judges.get(0), c.judges.get(1));
        // The last sheet closes the panel: the committee reads them now.
        score(c.judges.get(2), c.id, List.of(line(c.review(0), 90), line(c.review(1), 75)), true).execute().errors().verify();
        process.runJobs(c.pi);
        assertThat(request(Fixtures.COMMITTEE, REVIEW, "id", c.review(0)).execute().errors().verify()
                .path("promotionReview.judgeScores[*].score").entityList(Double.class).get()).containsExactlyInAnyOrder(70.0, 70.0, 90.0);
    }

    // ---------------------------------------------------------------- 2. hostile input

    @Test
    void hostileArgumentsOfTheQueriesAreRefusedNamingTheField() {
        Branch b = branch();
        String judge = fixtures.newUser("pj", Role.JUDGE);
        String huge = "9".repeat(70_000);
        // promotionCyclePreview
        answered(request(Fixtures.COMMITTEE, PREVIEW, "b", "999999999", "y", YEAR), "NOT_FOUND", "branchId", null);
        for (String id : List.of("abc", "-1", "0", "1.5", "99999999999999999999", "9223372036854775808", huge)) {
            answered(request(Fixtures.COMMITTEE, PREVIEW, "b", id, "y", YEAR), "BAD_REQUEST", "branchId", null);
        }
        for (int year : List.of(1999, 3000, 2033, -1, Integer.MIN_VALUE)) {
            answered(request(Fixtures.COMMITTEE, PREVIEW, "b", b.id(), "y", year), "BAD_REQUEST", "year", "RANGE");
        }
        answered(request(Fixtures.COMMITTEE, PREVIEW, "b", b.id(), "y", 2_147_483_648L), "BAD_REQUEST", null, null);
        answered(request(Fixtures.COMMITTEE, PREVIEW, "b", 1e30, "y", YEAR), "BAD_REQUEST", null, null);
        // promotionCycle and promotionReview
        for (String query : List.of(CYCLE, REVIEW)) {
            answered(request(Fixtures.COMMITTEE, query, "id", "999999999"), "NOT_FOUND", "id", null);
            for (String id : List.of("abc", "-1", "0", " 1", "99999999999999999999", "9223372036854775808", huge)) {
                answered(request(Fixtures.COMMITTEE, query, "id", id), "BAD_REQUEST", "id", "ID_FORMAT");
            }
            answered(request(Fixtures.COMMITTEE, query, "id", Map.of("a", 1)), "BAD_REQUEST", null, null);
        }
        // promotionCycles and promotionReviews: each filter and paging argument
        for (String[] q : new String[][] {{"promotionCycles", "PromotionCycleFilter", "branchId"}, {"promotionReviews", "PromotionReviewFilter", "cycleId"},
                {"promotionReviews", "PromotionReviewFilter", "managerId"}}) {
            String doc = "query($f: " + q[1] + ") { " + q[0] + "(filter: $f) { totalCount } }";
            for (String id : List.of("abc", "-1", "1e9", "99999999999999999999", huge)) {
                answered(request(Fixtures.COMMITTEE, doc, "f", Map.of(q[2], id)), "BAD_REQUEST", "filter." + q[2], null);
            }
            request(Fixtures.COMMITTEE, doc, "f", Map.of(q[2], "999999999")).execute().errors().verify().path(q[0] + ".totalCount")
                    .entity(Integer.class).isEqualTo(0);
            String paged = "query($n: Int, $a: String, $l: Int, $z: String) { " + q[0] + "(first: $n, after: $a, last: $l, before: $z) { totalCount } }";
            answered(request(Fixtures.COMMITTEE, paged, "n", -1), "BAD_REQUEST", "first", "PAGE_SIZE");
            answered(request(Fixtures.COMMITTEE, paged, "n", 101), "BAD_REQUEST", "first", "PAGE_SIZE");
            answered(request(Fixtures.COMMITTEE, paged, "l", -1), "BAD_REQUEST", "last", "PAGE_SIZE");
            answered(request(Fixtures.COMMITTEE, paged, "n", 5, "l", 5), "BAD_REQUEST", "last", "FIRST_OR_LAST");
            answered(request(Fixtures.COMMITTEE, paged, "n", 2_147_483_648L), "BAD_REQUEST", null, null);
            for (String cursor : List.of("garbage!", "bzotMQ", "x".repeat(70_000))) {
                answered(request(Fixtures.COMMITTEE, paged, "a", cursor), "BAD_REQUEST", "after", "CURSOR_FORMAT");
                answered(request(Fixtures.COMMITTEE, paged, "z", cursor), "BAD_REQUEST", "before", "CURSOR_FORMAT");
            }
        }
        answered(request(Fixtures.COMMITTEE, CYCLES, "f", Map.of("state", "NOPE")), "BAD_REQUEST", null, null);
        answered(request(Fixtures.COMMITTEE, REVIEWS, "f", Map.of("review", "NOPE")), "BAD_REQUEST", null, null);
        answered(request(Fixtures.COMMITTEE, CYCLES, "f", Map.of("year", 2_147_483_648L)), "BAD_REQUEST", null, null);
        // A year no cycle has merely narrows the list.
        for (int year : List.of(1999, 3000, -1)) {
            request(Fixtures.COMMITTEE, CYCLES, "f", Map.of("year", year)).execute().errors().verify().path("promotionCycles.totalCount")
                    .entity(Integer.class).isEqualTo(0);
        }
        // myScoreSheet
        answered(request(judge, SHEET, "c", "999999999"), "NOT_FOUND", "cycleId", null);
        for (String id : List.of("abc", "-1", "0", "99999999999999999999", huge)) {
            answered(request(judge, SHEET, "c", id), "BAD_REQUEST", "cycleId", null);
        }
    }

    @Test
    void hostileOpeningsAreRefusedNamingTheFieldAndOpenNothing() {
        Branch b = branch();
        long before = count("select count(*) from promotion_cycle");
        long reviewsBefore = count("select count(*) from promotion_review");
        String huge = "9".repeat(70_000);
        answered(request(Fixtures.COMMITTEE, OPEN, "in", openInput("999999999", YEAR, null)), "NOT_FOUND", "input.branchId", null);
        for (String id : List.of("abc", "-1", "0", "99999999999999999999", "9223372036854775808", huge)) {
            answered(request(Fixtures.COMMITTEE, OPEN, "in", openInput(id, YEAR, null)), "BAD_REQUEST", "input.branchId", null);
        }
        answered(request(Fixtures.COMMITTEE, OPEN, "in", openInput(b.id(), YEAR, NOW.minus(Duration.ofHours(1)).toString())),
                "BAD_REQUEST", "input.applicationDeadline", "DATE_RANGE");
        answered(request(Fixtures.COMMITTEE, OPEN, "in", openInput(b.id(), YEAR, NOW.toString())),
                "BAD_REQUEST", "input.applicationDeadline", "DATE_RANGE");
        answered(request(Fixtures.COMMITTEE, OPEN, "in", openInput(b.id(), YEAR, NOW.plus(Duration.ofDays(91)).toString())),
                "BAD_REQUEST", "input.applicationDeadline", "DATE_RANGE");
        answered(request(Fixtures.COMMITTEE, OPEN, "in", openInput(b.id(), YEAR, "+999999999-12-31T00:00:00Z")),
                "BAD_REQUEST", "input.applicationDeadline", "DATE_RANGE");
        for (String notADate : List.of("tomorrow", "2032-03-10", "2032-02-30T00:00:00Z", "x".repeat(70_000))) {
            answered(request(Fixtures.COMMITTEE, OPEN, "in", openInput(b.id(), YEAR, notADate)), "BAD_REQUEST", null, null);
        }
        answered(request(Fixtures.COMMITTEE, OPEN, "in", openInput(b.id(), 2_147_483_648L, null)), "BAD_REQUEST", null, null);
        Map<String, Object> noYear = new HashMap<>(Map.of("branchId", b.id()));
        answered(request(Fixtures.COMMITTEE, OPEN, "in", noYear), "BAD_REQUEST", null, null);
        assertThat(count("select count(*) from promotion_cycle")).isEqualTo(before);
        assertThat(count("select count(*) from promotion_review")).isEqualTo(reviewsBefore);
    }

    @Test
    void openingOutsideTheYearsIsRefusedNamingTheInputsYear() {
        Branch b = branch();
        for (int year : List.of(1999, 3000, 2033)) {
            answered(request(Fixtures.COMMITTEE, OPEN, "in", openInput(b.id(), year, null)), "BAD_REQUEST", null, "RANGE");
        }
        assertThat(cyclesOf(b)).isZero();
    }

    @Test
    void openingOutsideTheYearsNamesInputYear() {
        Branch b = branch();
        for (int year : List.of(1999, 3000, 2033)) {
            answered(request(Fixtures.COMMITTEE, OPEN, "in", openInput(b.id(), year, null)), "BAD_REQUEST", "input.year", "RANGE");
        }
    }

    @Test
    void hostileScoresAreRefusedNamingTheFieldAndStoreNothing() {
        Cycle c = judging(2);
        String judge = c.judges.get(0);
        String huge = "9".repeat(70_000);
        answered(score(judge, "999999999", List.of(line(c.review(0), 80)), false), "NOT_FOUND", "input.cycleId", null);
        for (String id : List.of("abc", "-1", "0", "99999999999999999999", huge)) {
            answered(score(judge, id, List.of(line(c.review(0), 80)), false), "BAD_REQUEST", "input.cycleId", null);
        }
        for (String id : List.of("abc", "-1", "99999999999999999999", huge)) {
            answered(score(judge, c.id, List.of(line(c.review(0), 80), line(id, 80)), false), "BAD_REQUEST", "input.scores[1].reviewId", null);
        }
        // Not on the sheet: unknown, listed, declined, or given twice.
        for (String id : List.of("999999999", c.review(2), c.review(3), c.review(0))) {
            answered(score(judge, c.id, List.of(line(c.review(0), 80), line(id, 80)), false), "BAD_REQUEST", "input.scores[1].reviewId",
                    "NOT_ON_SHEET");
        }
        for (Object bad : List.of(-1, -0.01, 100.5, 100.01, 1.234, 99.999, 1e-7, 1e300, Double.MAX_VALUE, -Double.MAX_VALUE)) {
            answered(score(judge, c.id, List.of(line(c.review(0), 80), line(c.review(1), bad)), false), "BAD_REQUEST",
                    "input.scores[1].score", "RANGE");
        }
        for (Object notAScore : List.of("NaN", "Infinity", "80", true)) {
            answered(score(judge, c.id, List.of(line(c.review(1), notAScore)), false), "BAD_REQUEST", null, null);
        }
        // A literal beyond the double's range.
        answered(as(judge).document("mutation($c: ID!, $r: ID!) { scorePresentations(input: {cycleId: $c, scores: [{reviewId: $r, score: 1e400}]})"
                + " { sheet { judgeId } } }").variable("c", c.id).variable("r", c.review(0)), "BAD_REQUEST", null, null);
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            many.add(line(c.review(i % 2), 80));
        }
        answered(score(judge, c.id, many, false), "BAD_REQUEST", "input.scores", "MAX_LENGTH");
        Map<String, Object> noScores = new HashMap<>(Map.of("cycleId", c.id));
        answered(as(judge).document(SCORE).variable("in", noScores), "BAD_REQUEST", null, null);
        assertThat(scoresOf(c)).isZero();
        // The edges themselves are scores.
        score(judge, c.id, List.of(line(c.review(0), 0), line(c.review(1), 100)), false).execute().errors().verify()
                .path("scorePresentations.sheet.lines[*].score").entityList(Double.class).containsExactly(0.0, 100.0);
        score(judge, c.id, List.of(line(c.review(0), 99.99)), false).execute().errors().verify();
        assertThat(scoresOf(c)).isEqualTo(2);
    }

    @Test
    void hostileAmendmentsAreRefusedNamingTheFieldAndChangeNothing() {
        Cycle c = approval(3);
        String huge = "9".repeat(70_000);
        answered(request(Fixtures.HR, AMEND, "in", amendInput("999999999", false, "复核")), "NOT_FOUND", "input.reviewId", null);
        for (String id : List.of("abc", "-1", "0", "99999999999999999999", "9223372036854775808", huge)) {
            answered(request(Fixtures.HR, AMEND, "in", amendInput(id, false, "复核")), "BAD_REQUEST", "input.reviewId", null);
        }
        for (String blank : List.of("", "   ", "\t\n")) {
            answered(request(Fixtures.HR, AMEND, "in", amendInput(c.review(0), false, blank)), "BAD_REQUEST", "input.reason", "REQUIRED");
        }
        answered(request(Fixtures.HR, AMEND, "in", amendInput(c.review(0), false, "理".repeat(501))), "BAD_REQUEST", "input.reason", "MAX_LENGTH");
        answered(request(Fixtures.HR, AMEND, "in", amendInput(c.review(0), false, "x".repeat(70_000))), "BAD_REQUEST", "input.reason", "MAX_LENGTH");
        Map<String, Object> noReason = new HashMap<>(Map.of("reviewId", c.review(0), "proposed", false));
        answered(request(Fixtures.HR, AMEND, "in", noReason), "BAD_REQUEST", null, null);
        Map<String, Object> notABoolean = new HashMap<>(Map.of("reviewId", c.review(0), "proposed", "no", "reason", "复核"));
        answered(request(Fixtures.HR, AMEND, "in", notABoolean), "BAD_REQUEST", null, null);
        assertThat(amendmentsOf(c)).isZero();
        assertThat(proposedOf(c)).isEqualTo(2);
        // 500 characters are a reason.
        request(Fixtures.HR, AMEND, "in", amendInput(c.review(0), false, "理".repeat(500))).execute().errors().verify();
        assertThat(amendmentsOf(c)).isOne();
    }

    // ---------------------------------------------------------------- 3. rules

    @Test
    void aBranchHasOneCycleAYear() {
        Cycle c = open(branch());
        answered(request(Fixtures.COMMITTEE, OPEN, "in", openInput(c.branch.id(), YEAR, null)), "CONFLICT", "input.year", "CYCLE_EXISTS");
        assertThat(cyclesOf(c.branch)).isOne();
        // Another year is another cycle.
        request(Fixtures.COMMITTEE, OPEN, "in", openInput(c.branch.id(), YEAR - 1, null)).execute().errors().verify();
        assertThat(cyclesOf(c.branch)).isEqualTo(2);
    }

    @Test
    void aRejectionNeedsItsReason() {
        Cycle c = open(branch());
        apply(c, 0);
        String task = inbox.claimable(Fixtures.COMMITTEE, "REVIEW-" + c.review(0), "checkApplication");
        inbox.claim(Fixtures.COMMITTEE, task).errors().verify();
        for (String blank : List.of("", "   ")) {
            Map<String, Object> values = new java.util.LinkedHashMap<>();
            values.put("qualification", "REJECTED");
            values.put("rejectionReason", blank);
            answered(complete(Fixtures.COMMITTEE, task, values), "BAD_REQUEST", "rejectionReason", "REQUIRED");
        }
        answered(complete(Fixtures.COMMITTEE, task, Map.of("qualification", "REJECTED")), "BAD_REQUEST", "rejectionReason", "REQUIRED");
        assertThat(stateOf(c.review(0))).isEqualTo("APPLIED");
        complete(Fixtures.COMMITTEE, task, Map.of("qualification", "REJECTED", "rejectionReason", "资格不符")).execute().errors().verify();
        assertThat(stateOf(c.review(0))).isEqualTo("REJECTED");
    }

    @Test
    void thePanelWaitsForEveryApplicationToBeChecked() {
        Cycle c = open(branch());
        apply(c, 0);
        decline(c, 1);
        decline(c, 2);
        closeApplications(c);
        List<String> judges = judges(3);
        String task = panelTask(c);
        answered(complete(Fixtures.COMMITTEE, task, Map.of("judges", String.join(",", judges))), "CONFLICT", "judges", "APPLICATIONS_OPEN");
        assertThat(count("select count(*) from promotion_judge where cycle_id = ?", c.id)).isZero();
        assertThat(cycleState(c)).isEqualTo("PANEL");
    }

    @Test
    void thePanelIsAtLeastThreeKnownPeopleNoneOfThemACandidate() {
        Cycle c = open(branch());
        qualify(c, 0, 90);
        qualify(c, 1, 80);
        decline(c, 2);
        closeApplications(c);
        List<String> j = judges(3);
        String task = panelTask(c);
        answered(complete(Fixtures.COMMITTEE, task, Map.of("judges", j.get(0) + "," + j.get(1))), "BAD_REQUEST", "judges", "PANEL_SIZE");
        answered(complete(Fixtures.COMMITTEE, task, Map.of("judges", j.get(0) + ", " + j.get(1) + "," + j.get(0) + ",,")), "BAD_REQUEST",
                "judges", "PANEL_SIZE");
        answered(complete(Fixtures.COMMITTEE, task, Map.of("judges", j.get(0) + "," + j.get(1) + ",nobody-" + fixtures.unique("x"))),
                "BAD_REQUEST", "judges", "PERSON_NOT_FOUND");
        answered(complete(Fixtures.COMMITTEE, task, Map.of("judges", j.get(0) + "," + j.get(1) + "," + c.branch.login(1))),
                "BAD_REQUEST", "judges", "JUDGE_IS_CANDIDATE");
        assertThat(count("select count(*) from promotion_judge where cycle_id = ?", c.id)).isZero();
        assertThat(cycleState(c)).isEqualTo("PANEL");
        complete(Fixtures.COMMITTEE, task, Map.of("judges", String.join(",", j))).execute().errors().verify();
        assertThat(cycleState(c)).isEqualTo("JUDGING");
    }

    /** The committee seats JUDGEs "and others it chooses": the seat, not the role, lets them score. */
    @Test
    void aPanelSeatMayGoToSomeoneWithoutTheJudgeRole() {
        Cycle c = open(branch());
        qualify(c, 0, 90);
        decline(c, 1);
        decline(c, 2);
        closeApplications(c);
        List<String> j = judges(2);
        String task = panelTask(c);
        answered(complete(Fixtures.COMMITTEE, task, Map.of("judges", j.get(0) + "," + j.get(1) + "," + Fixtures.HR)), null, null, null);
        score(Fixtures.HR, c.id, List.of(line(c.review(0), 88)), true).execute().errors().verify()
                .path("scorePresentations.sheet.submittedAt").hasValue();
    }

    @Test
    void aSheetIsSubmittedWholeAndThenClosed() {
        Cycle c = judging(2);
        String judge = c.judges.get(0);
        answered(score(judge, c.id, List.of(line(c.review(0), 80)), true), "CONFLICT", null, "SHEET_INCOMPLETE");
        assertThat(scoresOf(c)).as("the refused submission stored no score").isZero();
        score(judge, c.id, List.of(line(c.review(0), 80)), false).execute().errors().verify();
        answered(score(judge, c.id, List.of(), true), "CONFLICT", null, "SHEET_INCOMPLETE");
        score(judge, c.id, List.of(line(c.review(1), 70)), true).execute().errors().verify()
                .path("scorePresentations.sheet.submittedAt").hasValue();
        answered(score(judge, c.id, List.of(line(c.review(0), 95)), false), "CONFLICT", "input.cycleId", "SHEET_SUBMITTED");
        answered(score(judge, c.id, List.of(), true), "CONFLICT", "input.cycleId", "SHEET_SUBMITTED");
        assertThat(fixtures.jdbc().queryForObject("select score from promotion_score where review_id = ? and judge_id = ?", BigDecimal.class,
                Long.parseLong(c.review(0)), judge)).isEqualByComparingTo("80");
    }

    @Test
    void theListIsAmendedOnlyInApprovalAndOnlyForCandidates() {
        Cycle c = judging(3);
        answered(request(Fixtures.HR, AMEND, "in", amendInput(c.review(0), false, "复核")), "CONFLICT", "input.reviewId", "NOT_IN_APPROVAL");
        submitAll(c);
        for (int listedOrDeclined : List.of(3, 4)) {
            answered(request(Fixtures.HR, AMEND, "in", amendInput(c.review(listedOrDeclined), true, "补录")), "CONFLICT", "input.reviewId",
                    "NOT_A_CANDIDATE");
        }
        assertThat(amendmentsOf(c)).isZero();
        assertThat(proposedOf(c)).isEqualTo(2);
    }

    // ---------------------------------------------------------------- 4. concurrency

    @Test
    void twoAmendmentsForTheLastPlaceAtOnceGetOnePlace() {
        Cycle c = approval(3);
        int places = fixtures.jdbc().queryForObject("select places from promotion_quota where cycle_id = ? and grade = 'INTERMEDIATE'",
                Integer.class, Long.parseLong(c.id));
        assertThat(places).isEqualTo(2);
        List<String> hr = List.of(fixtures.newUser("phr", Role.HR), fixtures.newUser("phr", Role.HR));
        String holder = c.review(1);
        for (int round = 0; round < 3; round++) {
            request(Fixtures.HR, AMEND, "in", amendInput(holder, false, "复核 " + round)).execute().errors().verify();
            assertThat(proposedOf(c)).isEqualTo(places - 1);
            List<String> contenders = List.of(c.review(1), c.review(2));
            List<List<ResponseError>> answers = Simultaneously.run(2, i -> {
                List<ResponseError> errors = new ArrayList<>();
                request(hr.get(i), AMEND, "in", amendInput(contenders.get(i), true, "补位 " + i)).execute().errors().satisfy(errors::addAll);
                return errors;
            });
            assertThat(answers).filteredOn(List::isEmpty).hasSize(1);
            assertThat(answers).filteredOn(e -> !e.isEmpty()).singleElement().satisfies(e -> assertThat(e).singleElement().satisfies(err -> {
                assertThat(err.getErrorType().toString()).isEqualTo("CONFLICT");
                assertThat(err.getExtensions()).containsEntry("rule", "QUOTA_FULL").containsEntry("field", "input.proposed");
            }));
            assertThat(proposedOf(c)).isEqualTo(places);
            holder = contenders.get(answers.get(0).isEmpty() ? 0 : 1);
        }
    }

    // ---------------------------------------------------------------- 5. statements

    @Test
    void theReviewsListSendsTheSameStatementsForAnyPageSize() {
        String name = fixtures.unique("PS");
        String supervisor = fixtures.newUser("psup", Role.SUPERVISOR);
        String branch = fixtures.branchId(name);
        for (int i = 0; i < 20; i++) {
            register(branch, i % 3 == 0 ? Grade.INTERMEDIATE : Grade.JUNIOR, null, supervisor);
        }
        String cycle = request(Fixtures.COMMITTEE, OPEN, "in", openInput(branch, YEAR, null)).execute().errors().verify()
                .path("openPromotionCycle.cycle.id").entity(String.class).get();
        process.runJobs(pi("promotion_cycle", cycle));
        String list = """
                query($c: ID!, $n: Int!) { promotionReviews(filter: {cycleId: $c}, first: $n) { nodes { id
                  manager { id name } cycle { id state } totalScore judgeScores { judgeId score } } } }""";
        for (String user : List.of(Fixtures.AUDITOR, Fixtures.COMMITTEE)) {
            long[] counts = new long[2];
            int[] sizes = {5, 20};
            for (int k = 0; k < 2; k++) {
                request(user, list, "c", cycle, "n", sizes[k]).execute().errors().verify();
                counter.reset();
                request(user, list, "c", cycle, "n", sizes[k]).execute().errors().verify().path("promotionReviews.nodes")
                        .entityList(Object.class).hasSize(sizes[k]);
                counts[k] = counter.count();
            }
            assertThat(counts[0]).as(user).isPositive();
            assertThat(counts[1]).as(user + ": statements for 20 reviews against 5").isEqualTo(counts[0]);
        }
    }

    // ---------------------------------------------------------------- the branch and its cycle

    /** Five JUNIORs ranked 1st to 5th in 2031; managers 0–2 eligible, supervised by A; 3–4 by B. */
    private record Branch(String id, String supervisorA, String supervisorB, List<String> logins, List<Long> managers) {
        String login(int i) {
            return logins.get(i);
        }

        String supervisorOf(int i) {
            return i < 3 ? supervisorA : supervisorB;
        }
    }

    /** An opened cycle, its process, the reviews by manager (the branch's order) and, once named, its judges. */
    private static final class Cycle {
        final String id;
        final String pi;
        final Branch branch;
        final Instant deadline;
        final List<String> reviews = new ArrayList<>();
        final List<String> judges = new ArrayList<>();

        Cycle(String id, String pi, Branch branch, Instant deadline) {
            this.id = id;
            this.pi = pi;
            this.branch = branch;
            this.deadline = deadline;
        }

        String review(int i) {
            return reviews.get(i);
        }
    }

    private Branch branch() {
        String branch = fixtures.branchId(fixtures.unique("PA"));
        String a = fixtures.newUser("psa", Role.SUPERVISOR);
        String b = fixtures.newUser("psb", Role.SUPERVISOR);
        List<String> logins = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String login = fixtures.newUser("pm", Role.MANAGER);
            logins.add(login);
            ids.add(register(branch, Grade.JUNIOR, login, i < 3 ? a : b));
        }
        annualRanking(branch, ids);
        return new Branch(branch, a, b, logins, ids);
    }

    private long register(String branch, Grade grade, String login, String supervisor) {
        String no = fixtures.unique("P").replaceAll("[^A-Za-z0-9-]", "");
        return managers.register(new CreateManagerInput(no, "经理" + no, login, branch, Region.URBAN, grade, supervisor,
                LocalDate.of(2029, 1, 1), null), Fixtures.ADMIN).getId();
    }

    /** The published annual review of 2031, ranked within the grade, as the assessment module leaves it. */
    private void annualRanking(String branch, List<Long> ids) {
        var jdbc = fixtures.jdbc();
        jdbc.update("insert into assessment_round (kind, period_start, period_end, branch_id, scheme_definition_id, state, manager_count,"
                + " excluded_count, opened_by, opened_at, updated_at, version) values ('ANNUAL', '2031-01-01', '2031-12-31', ?, 'scheme',"
                + " 'PUBLISHED', ?, 0, 'hr', current_timestamp, current_timestamp, 0)", Long.parseLong(branch), ids.size());
        Long round = jdbc.queryForObject("select id from assessment_round where branch_id = ? and kind = 'ANNUAL'", Long.class,
                Long.parseLong(branch));
        for (int i = 0; i < ids.size(); i++) {
            int rank = i + 1;
            jdbc.update("insert into assessment_result (round_id, manager_id, branch_id, grade, state, complaint_deduction, total_score,"
                    + " rank_in_group, group_size, top_percent, updated_at, version) values (?, ?, ?, 'JUNIOR', 'CONFIRMED', 0, ?, ?, ?, ?,"
                    + " current_timestamp, 0)", round, ids.get(i), Long.parseLong(branch), 90 - 5 * i, rank, ids.size(),
                    BigDecimal.valueOf(100.0 * rank / ids.size()).setScale(2, RoundingMode.HALF_UP));
        }
    }

    /** The committee opens the branch's cycle of 2031 with a deadline in 14 days; the invitations go out. */
    private Cycle open(Branch b) {
        Instant deadline = NOW.plus(Duration.ofDays(14));
        String id = request(Fixtures.COMMITTEE, OPEN, "in", openInput(b.id(), YEAR, deadline.toString())).execute().errors().verify()
                .path("openPromotionCycle.cycle.id").entity(String.class).get();
        Cycle c = new Cycle(id, pi("promotion_cycle", id), b, deadline);
        process.runJobs(c.pi);
        for (Long manager : b.managers()) {
            c.reviews.add(String.valueOf(fixtures.jdbc().queryForObject("select id from promotion_review where cycle_id = ? and manager_id = ?",
                    Long.class, Long.parseLong(id), manager)));
        }
        return c;
    }

    /** A cycle whose panel of three judges scores: managers 0..qualified-1 qualified (supervisor 90, 80, 70), the rest of 0–2 declined. */
    private Cycle judging(int qualified) {
        Cycle c = open(branch());
        for (int i = 0; i < 3; i++) {
            if (i < qualified) {
                qualify(c, i, 90 - 10 * i);
            } else {
                decline(c, i);
            }
        }
        closeApplications(c);
        List<String> judges = judges(3);
        process.complete(c.pi, "namePanel", Fixtures.COMMITTEE, Map.of("judges", String.join(",", judges)));
        c.judges.addAll(judges);
        return c;
    }

    /** The same, ranked: every judge gives every candidate 80; with the annual scores 90, 85, 80 the totals are 86, 81.5, 77. */
    private Cycle approval(int qualified) {
        Cycle c = judging(qualified);
        submitAll(c);
        assertThat(cycleState(c)).isEqualTo("APPROVAL");
        return c;
    }

    private void submitAll(Cycle c) {
        List<String> candidates = fixtures.jdbc().queryForList("select id from promotion_review where cycle_id = ? and state = 'QUALIFIED'",
                Long.class, Long.parseLong(c.id)).stream().map(String::valueOf).toList();
        for (String judge : c.judges) {
            score(judge, c.id, candidates.stream().map(r -> line(r, 80)).toList(), true).execute().errors().verify();
        }
        process.runJobs(c.pi);
    }

    private void apply(Cycle c, int i) {
        process.complete(reviewPi(c, i), "apply", c.branch.login(i), Map.of("applicationDecision", "APPLY", "statement", "申请 " + i));
    }

    private void decline(Cycle c, int i) {
        process.complete(reviewPi(c, i), "apply", c.branch.login(i), Map.of("applicationDecision", "DECLINE"));
    }

    private void qualify(Cycle c, int i, int supervisorScore) {
        apply(c, i);
        process.complete(reviewPi(c, i), "checkApplication", Fixtures.COMMITTEE, Map.of("qualification", "QUALIFIED"));
        process.complete(reviewPi(c, i), "evaluateCandidate", c.branch.supervisorOf(i), Map.of("supervisorScore", (long) supervisorScore));
    }

    /** The deadline passes: the committee names the panel next. */
    private void closeApplications(Cycle c) {
        ProcessDriver.at(c.deadline.plus(Duration.ofMinutes(1)));
        process.runJobs(c.pi);
    }

    private List<String> judges(int n) {
        List<String> judges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            judges.add(fixtures.newUser("pj", Role.JUDGE));
        }
        return judges;
    }

    /** The committee's claimed "Name the panel" task. */
    private String panelTask(Cycle c) {
        String task = inbox.claimable(Fixtures.COMMITTEE, "CYCLE-" + c.id, "namePanel");
        inbox.claim(Fixtures.COMMITTEE, task).errors().verify();
        return task;
    }

    // ---------------------------------------------------------------- requests

    private GraphQlTester.Request<?> request(String user, String document, Object... variables) {
        GraphQlTester.Request<?> request = as(user).document(document);
        for (int i = 0; i < variables.length; i += 2) {
            request = request.variable((String) variables[i], variables[i + 1]);
        }
        return request;
    }

    private GraphQlTester.Request<?> score(String judge, String cycleId, List<Map<String, Object>> scores, boolean submit) {
        Map<String, Object> in = new HashMap<>();
        in.put("cycleId", cycleId);
        in.put("scores", scores);
        in.put("submit", submit);
        return as(judge).document(SCORE).variable("in", in);
    }

    private GraphQlTester.Request<?> complete(String user, String taskId, Map<String, ?> values) {
        return as(user).document(COMPLETE).variable("id", taskId).variable("v", InboxClient.values(values));
    }

    private static Map<String, Object> line(String reviewId, Object score) {
        Map<String, Object> line = new HashMap<>();
        line.put("reviewId", reviewId);
        line.put("score", score);
        return line;
    }

    private static Map<String, Object> openInput(String branchId, Object year, String deadline) {
        Map<String, Object> in = new HashMap<>();
        in.put("branchId", branchId);
        in.put("year", year);
        if (deadline != null) {
            in.put("applicationDeadline", deadline);
        }
        return in;
    }

    private static Map<String, Object> amendInput(String reviewId, boolean proposed, String reason) {
        Map<String, Object> in = new HashMap<>();
        in.put("reviewId", reviewId);
        in.put("proposed", proposed);
        in.put("reason", reason);
        return in;
    }

    private List<String> visibleReviews(String user, Cycle c) {
        return request(user, REVIEWS, "f", Map.of("cycleId", c.id)).execute().errors().verify().path("promotionReviews.nodes[*].id")
                .entityList(String.class).get();
    }

    // ---------------------------------------------------------------- the database

    private long count(String sql, Object... args) {
        Object[] typed = java.util.Arrays.stream(args).map(a -> a instanceof String s && s.matches("\\d+") ? Long.parseLong(s) : a).toArray();
        return fixtures.jdbc().queryForObject(sql, Long.class, typed);
    }

    private long cyclesOf(Branch b) {
        return count("select count(*) from promotion_cycle where branch_id = ?", b.id());
    }

    private long scoresOf(Cycle c) {
        return count("select count(*) from promotion_score where cycle_id = ?", c.id);
    }

    private long amendmentsOf(Cycle c) {
        return count("select count(*) from promotion_amendment where cycle_id = ?", c.id);
    }

    private long proposedOf(Cycle c) {
        return count("select count(*) from promotion_review where cycle_id = ? and target_grade = 'INTERMEDIATE' and proposed = true", c.id);
    }

    private String cycleState(Cycle c) {
        return fixtures.jdbc().queryForObject("select state from promotion_cycle where id = ?", String.class, Long.parseLong(c.id));
    }

    private String stateOf(String review) {
        return fixtures.jdbc().queryForObject("select state from promotion_review where id = ?", String.class, Long.parseLong(review));
    }

    private String reviewPi(Cycle c, int i) {
        return pi("promotion_review", c.review(i));
    }

    private String pi(String table, String id) {
        return fixtures.jdbc().queryForObject("select process_instance_id from " + table + " where id = ?", String.class, Long.parseLong(id));
    }
}
