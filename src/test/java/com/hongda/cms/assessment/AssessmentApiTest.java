package com.hongda.cms.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.hongda.cms.common.Region;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.security.Role;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.InboxClient;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.ProcessDriver;
import com.hongda.cms.support.Simultaneously;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Assessment through the API: hostile values on every argument get classified answers and open
 * nothing; two HR officers opening the same round at once get one round; the four parts of one
 * manager completed at the same moment all count; who sees which result follows the rules.
 */
class AssessmentApiTest extends IntegrationTest {

    private static final String OPEN = """
            mutation($in: OpenAssessmentRoundInput!) { openAssessmentRound(input: $in) { round { id } } }""";

    @Autowired
    ProcessDriver process;

    private String branch;
    private String head;
    private String login;
    private CustomerManager manager;

    @BeforeEach
    void branch() {
        ProcessDriver.at(Instant.parse("2033-03-02T02:00:00Z"));
        head = fixtures.newUser("head", Role.SUPERVISOR);
        login = fixtures.newUser("mgr", Role.MANAGER);
        branch = fixtures.unique("AA");
        manager = fixtures.manager(branch, Region.URBAN, Grade.JUNIOR, login, head);
    }

    @AfterEach
    void realTime() {
        ProcessDriver.resetClock();
    }

    @Test
    void hostileValuesAreRefusedWithTheFieldAndNothingOpens() {
        long before = rounds();
        String b = fixtures.branchId(branch);
        answered(open(Fixtures.HR, "MONTHLY", "2033-02-28", "2033-02-01", b), "BAD_REQUEST", "input.periodEnd", "DATE_RANGE");
        answered(open(Fixtures.HR, "MONTHLY", "2033-04-01", "2033-04-30", b), "BAD_REQUEST", "input.periodStart", "DATE_RANGE");
        answered(open(Fixtures.HR, "MONTHLY", "2031-01-01", "2033-01-31", b), "BAD_REQUEST", "input.periodStart", "DATE_RANGE");
        answered(open(Fixtures.HR, "MONTHLY", "1900-01-01", "1900-01-31", b), "BAD_REQUEST", "input.periodStart", "DATE_RANGE");
        answered(open(Fixtures.HR, "MONTHLY", "2033-02-01", "2033-02-28", "999999999"), "NOT_FOUND", "input.branchId", null);
        answered(open(Fixtures.HR, "MONTHLY", "2033-02-01", "2033-02-28", "x".repeat(70_000)), "BAD_REQUEST", null, null);
        answered(open(Fixtures.HR, "MONTHLY", "2033-02-01", "2033-02-28", "-1"), "BAD_REQUEST", "input.branchId", null);
        answered(open(Fixtures.HR, "WEEKLY", "2033-02-01", "2033-02-28", b), "BAD_REQUEST", null, null);
        answered(open(Fixtures.HR, "MONTHLY", "2033-02-30", "2033-02-28", b), "BAD_REQUEST", null, null);
        answered(open(Fixtures.HR, "MONTHLY", "+999999999-01-01", "2033-02-28", b), "BAD_REQUEST", null, null);
        for (String user : List.of(Fixtures.SUPERVISOR, Fixtures.MANAGER, Fixtures.AUDITOR, Fixtures.CANDIDATE)) {
            answered(open(user, "MONTHLY", "2033-02-01", "2033-02-28", b), "FORBIDDEN", null, null);
        }
        assertThat(rounds()).isEqualTo(before);
        answered(as(Fixtures.HR).document("{ assessmentRound(id: \"999999999\") { id } }"), "NOT_FOUND", "id", null);
        answered(as(Fixtures.HR).document("{ assessmentResult(id: \"abc\") { id } }"), "BAD_REQUEST", "id", "ID_FORMAT");
        answered(as(Fixtures.HR).document("{ assessmentResults(filter: {roundId: \"1e9\"}) { totalCount } }"), "BAD_REQUEST",
                "filter.roundId", null);
        answered(as(Fixtures.HR).document("{ assessmentResults(first: 101) { totalCount } }"), "BAD_REQUEST", null, "PAGE_SIZE");
        answered(as(Fixtures.CANDIDATE).document("{ assessmentRounds { totalCount } }"), "FORBIDDEN", null, null);
        answered(as(login).document("mutation { objectToAssessmentResult(input: {resultId: \"999999999\", reason: \"x\"}) { result { id } } }"),
                "NOT_FOUND", "input.resultId", null);
    }

    @Test
    void twoOpeningTheSameRoundAtOnceGetOneRound() {
        String b = fixtures.branchId(branch);
        List<List<ResponseError>> answers = Simultaneously.run(3, i -> {
            List<ResponseError> errors = new ArrayList<>();
            open(Fixtures.HR, "QUARTERLY", "2032-10-01", "2032-12-31", b).execute().errors().satisfy(errors::addAll);
            return errors;
        });
        assertThat(answers).filteredOn(List::isEmpty).hasSize(1);
        assertThat(answers).filteredOn(e -> !e.isEmpty()).allSatisfy(e -> assertThat(e).singleElement()
                .satisfies(err -> assertThat(err.getExtensions()).containsEntry("rule", "ROUND_EXISTS")));
    }

    @Test
    void theFourPartsCompletedAtTheSameMomentAllCountAndOnlyTheEntitledSeeTheResult() {
        String round = open(Fixtures.HR, "MONTHLY", "2033-02-01", "2033-02-28", fixtures.branchId(branch)).execute()
                .path("openAssessmentRound.round.id").entity(String.class).get();
        process.runJobs(fixtures.jdbc().queryForObject("select process_instance_id from assessment_round where id = ?", String.class,
                Long.parseLong(round)));
        long resultId = fixtures.jdbc().queryForObject("select id from assessment_result where round_id = ? and manager_id = ?",
                Long.class, Long.parseLong(round), manager.getId());
        String bk = "ASSESSMENT-" + resultId;
        InboxClient inbox = new InboxClient(this::as);
        record Part(String user, String step, Map<String, Object> values) {
        }
        List<Part> parts = List.of(new Part(login, "selfAssessment", qualitative("self")), new Part(head, "supervisorRating", qualitative("supervisor")),
                new Part(Fixtures.HR, "performanceFigures", performance()), new Part(Fixtures.SERVICE, "customerRatings", Map.of("customerRating1", 75)));
        List<String> taskIds = parts.stream().map(p -> {
            String id = inbox.claimable(p.user(), bk, p.step());
            inbox.claim(p.user(), id).errors().verify();
            return id;
        }).toList();
        List<List<ResponseError>> answers = Simultaneously.run(4, i -> {
            List<ResponseError> errors = new ArrayList<>();
            inbox.complete(parts.get(i).user(), taskIds.get(i), parts.get(i).values()).errors().satisfy(errors::addAll);
            return errors;
        });
        assertThat(answers).allSatisfy(e -> assertThat(e).isEmpty());
        process.runJobs(fixtures.jdbc().queryForObject("select process_instance_id from assessment_result where id = ?", String.class, resultId));
        Map<String, Object> row = fixtures.jdbc().queryForMap("select state, self_entered_by, supervisor_entered_by, performance_entered_by,"
                + " customer_entered_by, total_score from assessment_result where id = ?", resultId);
        assertThat(row.values()).doesNotContainNull();
        assertThat(String.valueOf(row.get("STATE") != null ? row.get("STATE") : row.get("state"))).isEqualTo("SCORED");

        String read = "query($id: ID!) { assessmentResult(id: $id) { totalScore parts { part } } }";
        // Not published: the manager does not see it yet; their supervisor and HR do; another supervisor does not.
        answered(as(login).document(read).variable("id", Long.toString(resultId)), "NOT_FOUND", "id", null);
        // The four parts entered, and the visit coverage the score read.
        as(head).document(read).variable("id", Long.toString(resultId)).execute().path("assessmentResult.parts").entityList(Object.class).hasSize(5);
        answered(as(Fixtures.SUPERVISOR2).document(read).variable("id", Long.toString(resultId)), "NOT_FOUND", "id", null);
        as(Fixtures.COMMITTEE).document(read).variable("id", Long.toString(resultId)).execute()
                .path("assessmentResult.parts").entityList(Object.class).hasSize(0);
        answered(as(Fixtures.CANDIDATE).document(read).variable("id", Long.toString(resultId)), "NOT_FOUND", "id", null);
    }

    @Test
    void aManagerWhoLeavesDuringTheRoundHoldsNothingUpAndIsExcluded() {
        String round = open(Fixtures.HR, "MONTHLY", "2032-12-01", "2032-12-31", fixtures.branchId(branch)).execute()
                .path("openAssessmentRound.round.id").entity(String.class).get();
        String roundPi = fixtures.jdbc().queryForObject("select process_instance_id from assessment_round where id = ?", String.class,
                Long.parseLong(round));
        process.runJobs(roundPi);
        String casePi = fixtures.jdbc().queryForObject("select process_instance_id from assessment_result where round_id = ?"
                + " and manager_id = ?", String.class, Long.parseLong(round), manager.getId());
        effects.leave(manager.getId(), new com.hongda.cms.manager.ManagerEffects.Decision("RESIGNED", null, Fixtures.HR));
        String task = tasks.createTaskQuery().processInstanceId(roundPi).taskDefinitionKey("reviewRound").singleResult().getId();
        as(Fixtures.HR).document("mutation($id: ID!) { claimTask(input: {taskId: $id}) { task { id } } }").variable("id", task).execute();
        answered(as(Fixtures.HR).document("""
                mutation($id: ID!) { completeTask(input: {taskId: $id, values: [{key: "publishDecision", value: "PUBLISH"}]}) { processEnded } }""")
                .variable("id", task), null, null, null);
        process.runJobs(roundPi);
        assertThat(fixtures.jdbc().queryForObject("select concat(state, ' ', exclusion_reason) from assessment_result where round_id = ?"
                + " and manager_id = ?", String.class, Long.parseLong(round), manager.getId())).isEqualTo("EXCLUDED LEFT");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(casePi).count()).isZero();
    }

    @Autowired
    com.hongda.cms.manager.ManagerEffects effects;

    @Autowired
    org.camunda.bpm.engine.TaskService tasks;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    @Autowired
    com.hongda.cms.support.StatementCounter counter;

    @Test
    void theResultListSendsTheSameStatementsForAnyPageSize() {
        for (int i = 0; i < 11; i++) {
            fixtures.manager(branch, Region.URBAN, i % 2 == 0 ? Grade.JUNIOR : Grade.SENIOR, null, head);
        }
        String round = open(Fixtures.HR, "MONTHLY", "2033-01-01", "2033-01-31", fixtures.branchId(branch)).execute()
                .path("openAssessmentRound.round.id").entity(String.class).get();
        process.runJobs(fixtures.jdbc().queryForObject("select process_instance_id from assessment_round where id = ?", String.class,
                Long.parseLong(round)));
        String list = """
                query($r: ID!, $n: Int!) { assessmentResults(filter: {roundId: $r}, first: $n) { totalCount nodes { id grade state
                  manager { name supervisor { name } } round { kind branch { name } } indicators { value } parts { part } pay { total }
                  steps { key } } } }""";
        long[] counts = new long[2];
        int[] sizes = {2, 12};
        for (int k = 0; k < 2; k++) {
            as(Fixtures.HR).document(list).variable("r", round).variable("n", sizes[k]).execute().errors().verify();
            counter.reset();
            as(Fixtures.HR).document(list).variable("r", round).variable("n", sizes[k]).execute().errors().verify()
                    .path("assessmentResults.nodes").entityList(Object.class).hasSize(sizes[k]);
            counts[k] = counter.count();
        }
        assertThat(counts[0]).isPositive();
        assertThat(counts[1]).isEqualTo(counts[0]);
    }

    private GraphQlTester.Request<?> open(String user, String kind, String start, String end, String branchId) {
        Map<String, Object> in = new HashMap<>(Map.of("kind", kind, "periodStart", start, "periodEnd", end));
        in.put("branchId", branchId);
        return as(user).document(OPEN).variable("in", in);
    }

    private long rounds() {
        return fixtures.jdbc().queryForObject("select count(*) from assessment_round", Long.class);
    }

    private static Map<String, Object> qualitative(String prefix) {
        Map<String, Object> values = new HashMap<>();
        for (Indicator i : Indicator.qualitative()) {
            values.put(prefix + Character.toUpperCase(i.key().charAt(0)) + i.key().substring(1), 80);
        }
        return values;
    }

    private static Map<String, Object> performance() {
        Map<String, Object> values = new HashMap<>();
        for (Indicator i : Indicator.performance()) {
            values.put(i.key(), 70);
        }
        return values;
    }
}
