package com.hongda.cms.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.common.Region;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.manager.SubstantiatedComplaint;
import com.hongda.cms.security.Role;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.ProcessCoverage;
import com.hongda.cms.support.ProcessDriver;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The assessment models ({@code bpmn/assessment-round.bpmn}, {@code bpmn/assessment.bpmn}) on the real
 * engine, every path: a monthly round of a branch with its exclusions, the four parts, the score by the
 * scheme checked against a hand calculation (a complaint deducted), the supervisor's confirmation, a
 * review refused while results are open, publication with ranks; a skills test; the annual review
 * from the year's published rounds; an overdue part raised. The clock is moved, jobs run by hand.
 */
class AssessmentProcessTest extends IntegrationTest {

    @RegisterExtension
    static final ProcessCoverage.Check COVERAGE = ProcessCoverage.of(0.9, "assessment", "assessment-round", "assessment-objection");

    private static final Instant T0 = Instant.parse("2031-02-03T02:00:00Z");

    @Autowired
    ProcessDriver process;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ApplicationEventPublisher events;

    private String branch;
    private String head;
    private CustomerManager junior;
    private CustomerManager intermediate;
    private String juniorLogin;

    @BeforeEach
    void company() {
        ProcessDriver.at(T0);
        head = fixtures.newUser("head", Role.SUPERVISOR);
        branch = fixtures.unique("AS");
        juniorLogin = fixtures.newUser("mgr", Role.MANAGER);
        junior = fixtures.manager(branch, Region.URBAN, Grade.JUNIOR, juniorLogin, head);
        intermediate = fixtures.manager(branch, Region.URBAN, Grade.INTERMEDIATE, null, head);
        fixtures.manager(branch, Region.URBAN, Grade.TRAINEE, null, head);
        CustomerManager away = fixtures.manager(branch, Region.URBAN, Grade.JUNIOR, null, head);
        as(Fixtures.HR).document("mutation($m: ID!) { recordLeave(input: {managerId: $m, kind: MATERNITY, startsOn: \"2030-12-20\","
                + " endsOn: \"2031-01-25\"}) { leave { kind } } }").variable("m", away.getId().toString()).execute().errors().verify();
    }

    @AfterEach
    void realTime() {
        ProcessDriver.resetClock();
    }

    @Test
    void aMonthlyRoundScoresByTheSchemeAndIsPublishedWithRanksThenTheYearIsReviewed() {
        // The junior's two C customers (visited yearly), never visited: the one assigned on 15 January 2030 was due
        // on 15 January 2031 (overdue on the period's last day), the one assigned on 1 July 2030 is due on 1 July 2031;
        // a visit coverage of 50.
        ProcessDriver.at(Instant.parse("2030-01-15T02:00:00Z"));
        fixtures.assign(fixtures.customer(fixtures.unique("走访早客户"), Fixtures.Tier.C, Region.URBAN), junior);
        ProcessDriver.at(Instant.parse("2030-07-01T02:00:00Z"));
        fixtures.assign(fixtures.customer(fixtures.unique("走访晚客户"), Fixtures.Tier.C, Region.URBAN), junior);
        ProcessDriver.at(T0);
        events.publishEvent(new SubstantiatedComplaint(junior.getId(), LocalDate.parse("2031-01-10"), fixtures.unique("C")));
        events.publishEvent(new SubstantiatedComplaint(junior.getId(), LocalDate.parse("2030-12-10"), fixtures.unique("C")));
        String round = open("MONTHLY", "2031-01-01", "2031-01-31");
        String roundPi = roundPi(round);
        process.runJobs(roundPi);
        Map<String, Object> state = results(round);
        assertThat(state).containsEntry("excluded", 2L).containsEntry("inProgress", 2L);

        String juniorCase = casePi(round, junior);
        process.complete(juniorCase, "selfAssessment", juniorLogin, qualitative("self", 80));
        process.complete(juniorCase, "supervisorRating", head, qualitative("supervisor", 90));
        process.complete(juniorCase, "performanceFigures", Fixtures.HR, performance(70));
        process.complete(juniorCase, "customerRatings", Fixtures.SERVICE, Map.of("customerRating1", 100L, "customerRating2", 80L));
        process.runJobs(juniorCase);
        // Hand calculation: qualitative 0.3×80 + 0.7×90 = 87; customer satisfaction 0.5×90 + 0.5×87 = 88.5;
        // behaviour (20×87 + 30×88.5 + 20×87 + 15×87 + 15×87) / 100 = 87.45, minus one complaint of the period (5) = 82.45;
        // ability 87; performance 0.9×70 (the six figures HR entered, weights 90) + 0.1×50 (customer visits) = 68;
        // total 0.6×68 + 0.2×82.45 + 0.2×87 = 74.69.
        AssessmentResult scored = result(round, junior);
        assertThat(scored.getState()).isEqualTo(ResultState.SCORED);
        assertThat(scored.getBehaviourScore()).isEqualByComparingTo("82.45");
        assertThat(scored.getAbilityScore()).isEqualByComparingTo("87.00");
        assertThat(scored.getPerformanceScore()).isEqualByComparingTo("68.00");
        assertThat(scored.getVisitCoverage()).isEqualTo("{\"customers\":2,\"overdue\":1}");
        assertThat(PartValues.scores(scored.getBreakdown())).containsEntry(Indicator.VISITS, new BigDecimal("50.00"));
        assertThat(scored.getComplaintDeduction()).isEqualByComparingTo("5.00");
        assertThat(scored.getTotalScore()).isEqualByComparingTo("74.69");
        assertThat(scored.getSelfEnteredBy()).isEqualTo(juniorLogin);
        assertThat(scored.getPerformanceEnteredBy()).isEqualTo(Fixtures.HR);

        String otherCase = casePi(round, intermediate);
        // Without a login of their own, HR enters the self-assessment.
        process.complete(otherCase, "selfAssessment", Fixtures.HR, qualitative("self", 60));
        process.complete(otherCase, "supervisorRating", head, qualitative("supervisor", 60));
        process.complete(otherCase, "performanceFigures", Fixtures.HR, performance(60));
        process.complete(otherCase, "customerRatings", Fixtures.SERVICE, Map.of("customerRating1", 60L));
        process.runJobs(otherCase);
        process.complete(juniorCase, "confirmResult", head, Map.of());

        // HR cannot publish while a result is still open.
        GraphQlTester.Response refused = completeReview(roundPi);
        refused.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("rule", "ROUND_INCOMPLETE")));
        process.complete(otherCase, "confirmResult", head, Map.of());
        completeReview(roundPi).errors().verify();
        process.runJobs(roundPi);

        AssessmentResult published = result(round, junior);
        assertThat(published.getRankInGroup()).isEqualTo(1);
        assertThat(published.getGroupSize()).isEqualTo(1);
        assertThat(published.getTopPercent()).isEqualByComparingTo("100.00");
        assertThat(published.getConfirmedBy()).isEqualTo(head);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(roundPi).count()).isZero();

        // The half-year skills test: one score from HR.
        String skills = open("SKILLS_TEST", "2031-01-01", "2031-01-31");
        process.runJobs(roundPi(skills));
        for (CustomerManager m : List.of(junior, intermediate)) {
            String pi = casePi(skills, m);
            process.complete(pi, "recordSkillsTest", Fixtures.HR, Map.of("skillsScore", m == junior ? 90L : 50L));
            process.runJobs(pi);
            process.complete(pi, "confirmResult", head, Map.of());
        }
        completeReview(roundPi(skills)).errors().verify();
        process.runJobs(roundPi(skills));
        assertThat(result(skills, junior).getTotalScore()).isEqualByComparingTo("90.00");

        // The annual review: (1 × 74.69 + 2 × 90) / 3 = 84.90 for the junior; no tasks, HR publishes.
        String annual = open("ANNUAL", "2031-01-01", "2031-01-31");
        process.runJobs(roundPi(annual));
        assertThat(result(annual, junior).getTotalScore()).isEqualByComparingTo("84.90");
        assertThat(result(annual, junior).getState()).isEqualTo(ResultState.CONFIRMED);
        completeReview(roundPi(annual)).errors().verify();
        process.runJobs(roundPi(annual));
        assertThat(result(annual, junior).getRankInGroup()).isEqualTo(1);

        // The junior objects to the monthly result once; HR adjusts it, and it is ranked again.
        String object = "mutation($r: ID!, $why: String!) { objectToAssessmentResult(input: {resultId: $r, reason: $why}) {"
                + " result { objectionReason objectedAt } } }";
        String monthly = result(round, junior).getId().toString();
        answered(as(juniorLogin).document(object).variable("r", monthly).variable("why", "客户数据有误 𠀀👍"), null, null, null);
        assertThat(result(round, junior).getObjectionReason()).isEqualTo("客户数据有误 𠀀👍");
        answered(as(juniorLogin).document(object).variable("r", monthly).variable("why", "again"), "CONFLICT", "input.resultId",
                "ALREADY_OBJECTED");
        String otherResult = result(round, intermediate).getId().toString();
        answered(as(juniorLogin).document(object).variable("r", otherResult).variable("why", "x"), "NOT_FOUND", "input.resultId", null);
        String objection = runtime.createProcessInstanceQuery().processInstanceBusinessKey("OBJECTION-" + monthly).singleResult().getId();
        process.complete(objection, "decideObjection", Fixtures.HR, Map.of("objectionOutcome", "ADJUST", "adjustedScore", 95L,
                "objectionDecision", "业绩数据更正"));
        AssessmentResult adjusted = result(round, junior);
        assertThat(adjusted.getTotalScore()).isEqualByComparingTo("95.00");
        assertThat(adjusted.getObjectionOutcome()).isEqualTo("ADJUSTED");
        assertThat(adjusted.getObjectionDecidedBy()).isEqualTo(Fixtures.HR);
        assertThat(adjusted.getRankInGroup()).isEqualTo(1);
    }

    @Test
    void anOverduePartIsRaisedAndTheAssessmentGoesOn() {
        String round = open("QUARTERLY", "2030-10-01", "2030-12-31");
        process.runJobs(roundPi(round));
        String pi = casePi(round, junior);
        ProcessDriver.at(T0.plus(java.time.Duration.ofDays(14)));
        process.runJobs(pi);
        assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("selfAssessment").singleResult().getPriority())
                .isEqualTo(80);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isEqualTo(1);
    }

    private String open(String kind, String start, String end) {
        return as(Fixtures.HR).document("""
                mutation($k: RoundKind!, $s: Date!, $e: Date!, $b: ID) {
                  openAssessmentRound(input: {kind: $k, periodStart: $s, periodEnd: $e, branchId: $b}) { round { id state } } }""")
                .variable("k", kind).variable("s", start).variable("e", end).variable("b", fixtures.branchId(branch)).execute()
                .path("openAssessmentRound.round.id").entity(String.class).get();
    }

    private String roundPi(String round) {
        return fixtures.jdbc().queryForObject("select process_instance_id from assessment_round where id = ?", String.class,
                Long.parseLong(round));
    }

    private String casePi(String round, CustomerManager m) {
        return fixtures.jdbc().queryForObject("select process_instance_id from assessment_result where round_id = ? and manager_id = ?",
                String.class, Long.parseLong(round), m.getId());
    }

    private AssessmentResult result(String round, CustomerManager m) {
        Long id = fixtures.jdbc().queryForObject("select id from assessment_result where round_id = ? and manager_id = ?",
                Long.class, Long.parseLong(round), m.getId());
        return resultsRepository.findById(id).orElseThrow();
    }

    @Autowired
    AssessmentResultRepository resultsRepository;

    private Map<String, Object> results(String round) {
        return fixtures.jdbc().queryForMap("select sum(case when state = 'EXCLUDED' then 1 else 0 end) as excluded,"
                + " sum(case when state = 'IN_PROGRESS' then 1 else 0 end) as inProgress from assessment_result where round_id = ?",
                Long.parseLong(round)).entrySet().stream().collect(HashMap::new,
                (map, e) -> map.put(e.getKey().toLowerCase().equals("inprogress") ? "inProgress" : e.getKey().toLowerCase(),
                        ((Number) e.getValue()).longValue()), HashMap::putAll);
    }

    private GraphQlTester.Response completeReview(String roundPi) {
        String task = tasks.createTaskQuery().processInstanceId(roundPi).taskDefinitionKey("reviewRound").singleResult().getId();
        as(Fixtures.HR).document("mutation($id: ID!) { claimTask(input: {taskId: $id}) { task { id } } }").variable("id", task).execute();
        return as(Fixtures.HR).document("""
                mutation($id: ID!) { completeTask(input: {taskId: $id, values: [{key: "publishDecision", value: "PUBLISH"}]}) { processEnded } }""")
                .variable("id", task).execute();
    }

    private static Map<String, Object> qualitative(String prefix, long value) {
        Map<String, Object> values = new HashMap<>();
        for (Indicator i : Indicator.qualitative()) {
            values.put(prefix + Character.toUpperCase(i.key().charAt(0)) + i.key().substring(1), value);
        }
        return values;
    }

    private static Map<String, Object> performance(long value) {
        Map<String, Object> values = new HashMap<>();
        for (Indicator i : Indicator.performance()) {
            values.put(i.key(), value);
        }
        return values;
    }
}
