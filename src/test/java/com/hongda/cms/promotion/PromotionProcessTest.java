package com.hongda.cms.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.Region;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.manager.LeaveKind;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.security.Role;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.ProcessCoverage;
import com.hongda.cms.support.ProcessDriver;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The promotion models ({@code bpmn/promotion-cycle.bpmn}, {@code bpmn/promotion-application.bpmn})
 * and the eligibility table on the real engine, every path: an application lapsed, declined, rejected
 * (not without a reason), qualified and evaluated; a cycle without candidates left that goes straight
 * to approval and demotes the re-competing who did not compete (and opens an exit review for one
 * demoted the year before too); a cycle with a panel refused while an evaluation is open, with a
 * candidate, too small or with an unknown judge, a sheet refused until complete, and HR's approval
 * refused by the SENIOR cap when the branch filled up after opening, then approved after HR's
 * amendment. The clock is moved and jobs run by hand.
 */
class PromotionProcessTest extends IntegrationTest {

    @RegisterExtension
    static final ProcessCoverage.Check COVERAGE = ProcessCoverage.of(0.9, "promotion-cycle", "promotion-application");

    private static final Instant T0 = Instant.parse("2032-03-01T02:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2032-03-15T10:00:00Z");

    @Autowired
    ProcessDriver process;

    @Autowired
    PromotionCycles cycles;

    @Autowired
    ScoreSheets sheets;

    @Autowired
    PromotionReviews reviews;

    @Autowired
    ManagerService managers;

    @Autowired
    Eligibility eligibility;

    @AfterEach
    void realTime() {
        ProcessDriver.resetClock();
    }

    @Test
    void theEligibilityTableDecidesEveryCase() {
        Eligibility.Table t = eligibility.current();
        assertThat(t.decide(Grade.JUNIOR, 6, 60.0, false, false)).isEqualTo(new Eligibility.Decision(ReviewKind.PROMOTE, Grade.INTERMEDIATE, "ELIGIBLE"));
        assertThat(t.decide(Grade.JUNIOR, 5, 10.0, false, false).reason()).isEqualTo("TENURE");
        assertThat(t.decide(Grade.JUNIOR, 6, 60.01, false, false).reason()).isEqualTo("RANKING");
        assertThat(t.decide(Grade.JUNIOR, 24, 100.0, false, true)).isEqualTo(new Eligibility.Decision(ReviewKind.NONE, null, "ABSENCE"));
        assertThat(t.decide(Grade.INTERMEDIATE, 12, 40.0, false, false)).isEqualTo(new Eligibility.Decision(ReviewKind.PROMOTE, Grade.SENIOR, "ELIGIBLE"));
        assertThat(t.decide(Grade.INTERMEDIATE, 11, 10.0, false, false).reason()).isEqualTo("TENURE");
        assertThat(t.decide(Grade.INTERMEDIATE, 30, 50.0, false, false).reason()).isEqualTo("RANKING");
        assertThat(t.decide(Grade.INTERMEDIATE, 1, 70.01, false, false))
                .isEqualTo(new Eligibility.Decision(ReviewKind.RECOMPETE, Grade.INTERMEDIATE, "BOTTOM_OF_GRADE"));
        assertThat(t.decide(Grade.INTERMEDIATE, 30, 70.0, false, false).reason()).isEqualTo("RANKING");
        assertThat(t.decide(Grade.INTERMEDIATE, 30, 20.0, false, true)).isEqualTo(new Eligibility.Decision(ReviewKind.DEMOTE, null, "ABSENCE"));
        assertThat(t.decide(Grade.SENIOR, 30, 50.0, false, false).reason()).isEqualTo("TOP_GRADE");
        assertThat(t.decide(Grade.SENIOR, 30, 50.01, false, false).review()).isEqualTo(ReviewKind.RECOMPETE);
        assertThat(t.decide(Grade.SENIOR, 30, 100.0, true, false)).isEqualTo(new Eligibility.Decision(ReviewKind.NONE, null, "ON_LEAVE"));
        assertThat(t.decide(Grade.SENIOR, 30, null, false, false).reason()).isEqualTo("NO_RANKING");
        assertThat(t.decide(Grade.TRAINEE, 30, 10.0, false, false).reason()).isEqualTo("TRAINEE");
    }

    @Test
    void applicationsLapseDeclineAndFailAndACycleWithoutCandidatesDemotesTheReCompetingWhoStayedAway() {
        ProcessDriver.at(T0);
        String branch = fixtures.branchId(fixtures.unique("晋级A"));
        CustomerManager s0 = manager(branch, Grade.SENIOR, null);
        CustomerManager s1 = manager(branch, Grade.SENIOR, fixtures.newUser("ps1", Role.MANAGER));
        CustomerManager i1 = manager(branch, Grade.INTERMEDIATE, fixtures.newUser("pi1", Role.MANAGER));
        CustomerManager i2 = manager(branch, Grade.INTERMEDIATE, null);
        CustomerManager i3 = manager(branch, Grade.INTERMEDIATE, fixtures.newUser("pi3", Role.MANAGER));
        CustomerManager j1 = manager(branch, Grade.JUNIOR, null);
        CustomerManager j2 = manager(branch, Grade.JUNIOR, null);
        // Sick leave for all but a month of the year: no review; other absence: one grade down.
        managers.recordLeave(i2.getId(), LeaveKind.SICK, LocalDate.of(2031, 1, 1), LocalDate.of(2031, 11, 30), "病假", "t-hr");
        CustomerManager i4 = manager(branch, Grade.INTERMEDIATE, null);
        managers.recordLeave(i4.getId(), LeaveKind.OTHER, LocalDate.of(2031, 2, 1), LocalDate.of(2031, 12, 31), null, "t-hr");
        AnnualRanking.publish(fixtures.jdbc(), Long.parseLong(branch), 2031, new AnnualRanking.Row(s0.getId(), "SENIOR", 90, 1, 2),
                new AnnualRanking.Row(s1.getId(), "SENIOR", 70, 2, 2), new AnnualRanking.Row(i1.getId(), "INTERMEDIATE", 90, 1, 4),
                new AnnualRanking.Row(i2.getId(), "INTERMEDIATE", 80, 2, 4), new AnnualRanking.Row(i4.getId(), "INTERMEDIATE", 75, 3, 4),
                new AnnualRanking.Row(i3.getId(), "INTERMEDIATE", 60, 4, 4), new AnnualRanking.Row(j1.getId(), "JUNIOR", 90, 1, 2),
                new AnnualRanking.Row(j2.getId(), "JUNIOR", 80, 2, 2));
        demotedTheYearBefore(branch, s1);

        PromotionCycle cycle = cycles.open(Long.parseLong(branch), 2031, DEADLINE, "t-committee");
        process.runJobs(cycle.getProcessInstanceId());
        Map<Long, PromotionReview> byManager = byManager(cycle);
        assertThat(byManager.get(i2.getId()).getReason()).isEqualTo("ON_LEAVE");
        assertThat(byManager.get(i4.getId()).getReview()).isEqualTo(ReviewKind.DEMOTE);
        assertThat(byManager.get(j2.getId()).getReason()).isEqualTo("RANKING");

        // i1 applies and is rejected (not without a reason); i3 declines; s1 and j1 let the deadline pass.
        String i1Pi = byManager.get(i1.getId()).getProcessInstanceId();
        process.complete(i1Pi, "apply", i1.getUserId(), Map.of("applicationDecision", "APPLY", "statement", "申请"));
        assertThat(domain(org.assertj.core.api.Assertions.catchThrowable(() -> process.complete(i1Pi, "checkApplication", "t-committee",
                Map.of("qualification", "REJECTED")))).field()).isEqualTo("rejectionReason");
        process.complete(i1Pi, "checkApplication", "t-committee", Map.of("qualification", "REJECTED", "rejectionReason", "材料不全 📄"));
        process.complete(byManager.get(i3.getId()).getProcessInstanceId(), "apply", i3.getUserId(), Map.of("applicationDecision", "DECLINE"));
        ProcessDriver.at(DEADLINE.plusSeconds(60));
        for (PromotionReview r : byManager.values()) {
            if (r.getProcessInstanceId() != null) {
                process.runJobs(r.getProcessInstanceId());
            }
        }
        process.runJobs(cycle.getProcessInstanceId());
        byManager = byManager(cycle);
        assertThat(byManager.get(s1.getId()).getState()).isEqualTo(ReviewState.LAPSED);
        assertThat(byManager.get(j1.getId()).getState()).isEqualTo(ReviewState.LAPSED);
        assertThat(byManager.get(i1.getId()).getState()).isEqualTo(ReviewState.REJECTED);
        assertThat(byManager.get(i1.getId()).getRejectionReason()).isEqualTo("材料不全 📄");
        assertThat(byManager.get(i3.getId()).getState()).isEqualTo(ReviewState.DECLINED);
        assertThat(cycles.get("id", cycle.getId()).getState()).isEqualTo(CycleState.APPROVAL);

        process.complete(cycle.getProcessInstanceId(), "approveList", "t-hr", Map.of());
        assertThat(grade(s1)).isEqualTo("INTERMEDIATE");
        assertThat(grade(i3)).isEqualTo("JUNIOR");
        assertThat(grade(i4)).isEqualTo("JUNIOR");
        assertThat(grade(i1)).isEqualTo("INTERMEDIATE");
        assertThat(grade(j1)).isEqualTo("JUNIOR");
        assertThat(fixtures.jdbc().queryForObject("select reason from manager_grade_change where manager_id = ? order by id desc limit 1",
                String.class, i4.getId())).isEqualTo("CYCLE_ABSENCE");
        byManager = byManager(cycle);
        assertThat(byManager.get(i1.getId()).getOutcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(byManager.get(s1.getId()).getOutcome()).isEqualTo(Outcome.DEMOTED);
        // Demoted two years in a row: HR's exit review is open.
        assertThat(fixtures.jdbc().queryForList("select cause from personnel_case where manager_id = ? and kind = 'EXIT_REVIEW'", String.class,
                s1.getId())).containsExactly("DEMOTED_TWICE");
        assertThat(fixtures.jdbc().queryForObject("select count(*) from personnel_case where manager_id = ?", Integer.class, i3.getId())).isZero();
        assertThat(cycles.get("id", cycle.getId()).getState()).isEqualTo(CycleState.PUBLISHED);
    }

    @Test
    void aPanelJudgesAndHrsApprovalIsRefusedOverTheSeniorCap() {
        ProcessDriver.at(T0);
        String branch = fixtures.branchId(fixtures.unique("晋级B"));
        CustomerManager s0 = manager(branch, Grade.SENIOR, null);
        CustomerManager i1 = manager(branch, Grade.INTERMEDIATE, fixtures.newUser("pi1", Role.MANAGER));
        CustomerManager i2 = manager(branch, Grade.INTERMEDIATE, null);
        CustomerManager i3 = manager(branch, Grade.INTERMEDIATE, fixtures.newUser("pi3", Role.MANAGER));
        CustomerManager j1 = manager(branch, Grade.JUNIOR, fixtures.newUser("pj1", Role.MANAGER));
        CustomerManager j2 = manager(branch, Grade.JUNIOR, null);
        manager(branch, Grade.JUNIOR, null);
        // Seven graded: SENIOR target 2, one holder without a ranking: one place; INTERMEDIATE target 3, one re-competes: one place.
        AnnualRanking.publish(fixtures.jdbc(), Long.parseLong(branch), 2031, new AnnualRanking.Row(i1.getId(), "INTERMEDIATE", 90, 1, 3),
                new AnnualRanking.Row(i2.getId(), "INTERMEDIATE", 80, 2, 3), new AnnualRanking.Row(i3.getId(), "INTERMEDIATE", 70, 3, 3),
                new AnnualRanking.Row(j1.getId(), "JUNIOR", 90, 1, 2), new AnnualRanking.Row(j2.getId(), "JUNIOR", 80, 2, 2));
        PromotionCycle cycle = cycles.open(Long.parseLong(branch), 2031, DEADLINE, "t-committee");
        assertThat(cycles.quotas(List.of(cycle.getId())).get(cycle.getId())).extracting(Quota::grade, Quota::target, Quota::holders,
                Quota::recompeting, Quota::places).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Grade.INTERMEDIATE, 3, 3, 1, 1), org.assertj.core.groups.Tuple.tuple(Grade.SENIOR, 2, 1, 0, 1));
        process.runJobs(cycle.getProcessInstanceId());
        Map<Long, PromotionReview> byManager = byManager(cycle);
        for (CustomerManager m : List.of(i1, i3, j1)) {
            String pi = byManager.get(m.getId()).getProcessInstanceId();
            process.complete(pi, "apply", m.getUserId(), Map.of("applicationDecision", "APPLY"));
            process.complete(pi, "checkApplication", "t-committee", Map.of("qualification", "QUALIFIED"));
        }
        process.complete(byManager.get(i1.getId()).getProcessInstanceId(), "evaluateCandidate", "t-supervisor", Map.of("supervisorScore", 90L));
        process.complete(byManager.get(j1.getId()).getProcessInstanceId(), "evaluateCandidate", "t-supervisor", Map.of("supervisorScore", 90L));
        ProcessDriver.at(DEADLINE.plusSeconds(60));
        process.runJobs(cycle.getProcessInstanceId());
        String pi = cycle.getProcessInstanceId();
        String judges = fixtures.newUser("pj", Role.JUDGE) + "," + fixtures.newUser("pj", Role.JUDGE) + "," + fixtures.newUser("pj", Role.JUDGE);
        assertThat(refusal(() -> process.complete(pi, "namePanel", "t-committee", Map.of("judges", judges)))).isEqualTo("APPLICATIONS_OPEN");
        process.complete(byManager.get(i3.getId()).getProcessInstanceId(), "evaluateCandidate", "t-supervisor", Map.of("supervisorScore", 60L));
        assertThat(refusal(() -> process.complete(pi, "namePanel", "t-committee", Map.of("judges", judges + "," + i1.getUserId())))).isEqualTo("JUDGE_IS_CANDIDATE");
        assertThat(refusal(() -> process.complete(pi, "namePanel", "t-committee", Map.of("judges", judges + ",t-supervisor")))).isEqualTo("JUDGE_SUPERVISES_CANDIDATE");
        assertThat(refusal(() -> process.complete(pi, "namePanel", "t-committee", Map.of("judges", "t-judge, t-judge")))).isEqualTo("PANEL_SIZE");
        assertThat(refusal(() -> process.complete(pi, "namePanel", "t-committee", Map.of("judges", judges + ",nobody-" + fixtures.unique("x"))))).isEqualTo("PERSON_NOT_FOUND");
        process.complete(pi, "namePanel", "t-committee", Map.of("judges", judges));

        List<String> panel = List.of(judges.split(","));
        long c = cycle.getId();
        byManager = byManager(cycle);
        long i1Review = byManager.get(i1.getId()).getId();
        long i3Review = byManager.get(i3.getId()).getId();
        long j1Review = byManager.get(j1.getId()).getId();
        assertThat(refusal(() -> sheets.score(c, panel.get(0), List.of(new ScoreSheets.Given(i1Review, BigDecimal.valueOf(80))), true))).isEqualTo("SHEET_INCOMPLETE");
        assertThat(sheets.sheet(c, panel.get(0)).submittedAt()).as("the refused submission wrote nothing").isNull();
        for (String judge : panel) {
            sheets.score(c, judge, List.of(new ScoreSheets.Given(i1Review, BigDecimal.valueOf(80)), new ScoreSheets.Given(i3Review,
                    BigDecimal.valueOf(50)), new ScoreSheets.Given(j1Review, new BigDecimal("77.5"))), true);
        }
        assertThat(refusal(() -> sheets.score(c, panel.get(0), List.of(), false))).isEqualTo("SHEET_SUBMITTED");
        process.runJobs(pi);
        assertThat(refusal(() -> sheets.score(c, panel.get(0), List.of(), false))).isEqualTo("NOT_JUDGING");
        byManager = byManager(cycle);
        // i1 0.3×90 + 0.4×80 + 0.3×90 = 86; j1 0.3×90 + 0.4×77.5 + 0.3×90 = 85; i3 0.3×60 + 0.4×50 + 0.3×70 = 59.
        assertThat(byManager.get(i1.getId()).getTotalScore()).isEqualByComparingTo("86.00");
        assertThat(byManager.get(j1.getId()).getTotalScore()).isEqualByComparingTo("85.00");
        assertThat(byManager.get(i3.getId()).getTotalScore()).isEqualByComparingTo("59.00");
        assertThat(byManager.get(i1.getId()).isProposed()).isTrue();

        // A SENIOR joins the branch after opening: the list would now exceed the cap, and HR's approval is refused.
        manager(branch, Grade.SENIOR, null);
        assertThat(refusal(() -> process.complete(pi, "approveList", "t-hr", Map.of()))).isEqualTo("SENIOR_CAP");
        assertThat(grade(i3)).isEqualTo("INTERMEDIATE");
        reviews.amend(i1Review, false, "高级名额已满", "t-hr");
        process.complete(pi, "approveList", "t-hr", Map.of("approvalNote", "同意"));
        assertThat(grade(i1)).isEqualTo("INTERMEDIATE");
        assertThat(grade(j1)).isEqualTo("INTERMEDIATE");
        assertThat(grade(i3)).isEqualTo("JUNIOR");
        assertThat(byManager(cycle).get(i1.getId()).getOutcome()).isEqualTo(Outcome.NOT_PLACED);
    }

    /** The rule of the classified refusal the call ends in, wherever the engine wrapped it. */
    private static String refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return domain(org.assertj.core.api.Assertions.catchThrowable(call)).rule();
    }

    private static DomainException domain(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof DomainException d) {
                return d;
            }
        }
        throw new AssertionError("no classified refusal", thrown);
    }

    private CustomerManager manager(String branch, Grade grade, String userId) {
        CustomerManager m = fixtures.manager(fixtures.jdbc().queryForObject("select name from branch where id = ?", String.class,
                Long.parseLong(branch)), Region.URBAN, grade, userId, "t-supervisor");
        fixtures.jdbc().update("update customer_manager set grade_since = ? where id = ?", java.sql.Date.valueOf("2029-01-01"), m.getId());
        return m;
    }

    /** A published cycle of the year before in which the manager was demoted. */
    private void demotedTheYearBefore(String branch, CustomerManager m) {
        var jdbc = fixtures.jdbc();
        jdbc.update("insert into promotion_cycle (branch_id, performance_year, state, application_deadline, opened_by, opened_at, updated_at,"
                + " version) values (?, 2030, 'PUBLISHED', current_timestamp, 'c', current_timestamp, current_timestamp, 0)", Long.parseLong(branch));
        Long old = jdbc.queryForObject("select id from promotion_cycle where branch_id = ? and performance_year = 2030", Long.class,
                Long.parseLong(branch));
        jdbc.update("insert into promotion_review (cycle_id, manager_id, grade, review, reason, state, grade_since, months_in_grade, worked_days,"
                + " proposed, outcome, updated_at, version) values (?, ?, 'SENIOR', 'RECOMPETE', 'BOTTOM_OF_GRADE', 'DECIDED', '2020-01-01', 12,"
                + " 365, false, 'DEMOTED', current_timestamp, 0)", old, m.getId());
    }

    private Map<Long, PromotionReview> byManager(PromotionCycle cycle) {
        return fixtures.jdbc().queryForList("select id from promotion_review where cycle_id = ?", Long.class, cycle.getId()).stream()
                .map(id -> reviewRepository.findById(id).orElseThrow())
                .collect(java.util.stream.Collectors.toMap(PromotionReview::getManagerId, r -> r));
    }

    @Autowired
    PromotionReviewRepository reviewRepository;

    private String grade(CustomerManager m) {
        return fixtures.jdbc().queryForObject("select grade from customer_manager where id = ?", String.class, m.getId());
    }
}
