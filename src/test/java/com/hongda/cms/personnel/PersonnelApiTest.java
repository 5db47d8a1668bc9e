package com.hongda.cms.personnel;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Personnel decisions through the API: who may report, propose and see which case; hostile values
 * answered with classified errors that open nothing; the reporter refused as decider in the inbox; a
 * published skills test below the pass mark opening an exit review whose form takes only the choices
 * of its cause; two HR approvals to SENIOR at the same moment in a branch with room for one.
 */
class PersonnelApiTest extends IntegrationTest {

    private static final String REPORT = """
            mutation($in: ReportMisconductInput!) { reportMisconduct(input: $in) { personnelCase { id kind state reportedBy } } }""";
    private static final String PROPOSE = """
            mutation($in: ProposeExceptionalPromotionInput!) { proposeExceptionalPromotion(input: $in) { personnelCase { id } } }""";
    private static final String CASE = """
            query($id: ID!) { personnelCase(id: $id) { id kind state category exitCause reference targetGrade outcome decidedBy
              manager { id } steps { key } } }""";
    private static final String COUNT = """
            query($m: ID) { personnelCases(filter: {managerId: $m}) { totalCount nodes { id } } }""";

    @Autowired
    ProcessDriver process;

    @Autowired
    TaskService tasks;

    private final InboxClient inbox = new InboxClient(this::as);

    private String branch;
    private String head;
    private String committee2;
    private String hr2;
    private CustomerManager manager;

    @BeforeEach
    void branch() {
        head = fixtures.newUser("head", Role.SUPERVISOR);
        committee2 = fixtures.newUser("cmt", Role.COMMITTEE);
        hr2 = fixtures.newUser("hr", Role.HR);
        branch = fixtures.unique("PA");
        manager = fixtures.manager(branch, Region.URBAN, Grade.JUNIOR, null, head);
    }

    @Test
    void whoMayReportProposeAndSeeFollowsTheRules() {
        String misconduct = report(head, manager.getId().toString(), "LOSS", yesterday(), "造成客户损失 𠀀👍", null, null);
        String promotion = answered(as(Fixtures.COMMITTEE).document(PROPOSE).variable("in", proposal(manager.getId().toString(), "SENIOR",
                "业绩突出")), null, null, null).isEmpty() ? last() : null;
        for (String user : List.of(Fixtures.SUPERVISOR2, Fixtures.MANAGER, Fixtures.COMMITTEE, Fixtures.AUDITOR, Fixtures.CANDIDATE)) {
            answered(as(user).document(REPORT).variable("in", misconductInput(manager.getId().toString(), "FRAUD", yesterday(), "x")),
                    "FORBIDDEN", null, null);
        }
        for (String user : List.of(Fixtures.HR, Fixtures.SUPERVISOR, Fixtures.MANAGER, Fixtures.ADMIN)) {
            answered(as(user).document(PROPOSE).variable("in", proposal(manager.getId().toString(), "SENIOR", "x")), "FORBIDDEN", null, null);
        }
        for (String user : List.of(Fixtures.HR, Fixtures.AUDITOR, Fixtures.ADMIN, head)) {
            answered(as(user).document(CASE).variable("id", misconduct), null, null, null);
            assertThat(count(user)).as(user).isEqualTo(2);
        }
        as(Fixtures.HR).document(CASE).variable("id", misconduct).execute().path("personnelCase.category").entity(String.class)
                .isEqualTo("LOSS");
        answered(as(Fixtures.COMMITTEE).document(CASE).variable("id", promotion), null, null, null);
        assertThat(count(Fixtures.COMMITTEE)).isEqualTo(1);
        for (String user : List.of(Fixtures.COMMITTEE, Fixtures.SUPERVISOR2, Fixtures.MANAGER, Fixtures.SERVICE, Fixtures.CANDIDATE)) {
            answered(as(user).document(CASE).variable("id", misconduct), "NOT_FOUND", "id", null);
        }
        for (String user : List.of(Fixtures.SUPERVISOR2, Fixtures.MANAGER, Fixtures.SERVICE)) {
            assertThat(count(user)).as(user).isZero();
        }
    }

    @Test
    void hostileValuesAreAnsweredWithTheFieldAndOpenNothing() {
        long before = cases();
        String m = manager.getId().toString();
        String huge = "x".repeat(70_000);
        answered(as(Fixtures.HR).document(REPORT).variable("in", misconductInput(m, "FRAUD", yesterday(), huge)), "BAD_REQUEST",
                "input.description", null);
        answered(as(Fixtures.HR).document(REPORT).variable("in", misconductInput(m, "FRAUD", yesterday(), "y".repeat(2001))),
                "BAD_REQUEST", "input.description", null);
        answered(as(Fixtures.HR).document(REPORT).variable("in", misconductInput(m, "FRAUD", yesterday(), "   ")), "BAD_REQUEST",
                "input.description", null);
        answered(as(Fixtures.HR).document(REPORT).variable("in", misconductInput(huge, "FRAUD", yesterday(), "x")), "BAD_REQUEST",
                "input.managerId", null);
        answered(as(Fixtures.HR).document(REPORT).variable("in", misconductInput("99999999999999999999", "FRAUD", yesterday(), "x")),
                "BAD_REQUEST", "input.managerId", null);
        answered(as(Fixtures.HR).document(REPORT).variable("in", misconductInput("-1", "FRAUD", yesterday(), "x")), "BAD_REQUEST",
                "input.managerId", "ID_FORMAT");
        answered(as(Fixtures.HR).document(REPORT).variable("in", misconductInput("999999999", "FRAUD", yesterday(), "x")), "NOT_FOUND",
                "input.managerId", null);
        answered(as(Fixtures.HR).document(REPORT).variable("in", misconductInput(m, "THEFT", yesterday(), "x")), "BAD_REQUEST", null, null);
        answered(as(Fixtures.HR).document(REPORT).variable("in", misconductInput(m, null, yesterday(), "x")), "BAD_REQUEST", null, null);
        answered(as(Fixtures.HR).document(REPORT).variable("in", misconductInput(m, "FRAUD", null, "x")), "BAD_REQUEST", null, null);
        answered(as(Fixtures.HR).document(REPORT).variable("in", misconductInput(m, "FRAUD", "2033-02-30", "x")), "BAD_REQUEST", null, null);
        answered(as(Fixtures.HR).document(REPORT).variable("in", misconductInput(m, "FRAUD", LocalDate.now().plusDays(2).toString(), "x")),
                "BAD_REQUEST", "input.occurredOn", "DATE_RANGE");
        answered(as(Fixtures.HR).document(REPORT).variable("in", misconductInput(m, "FRAUD", "1999-01-01", "x")), "BAD_REQUEST",
                "input.occurredOn", "DATE_RANGE");
        answered(as(Fixtures.COMMITTEE).document(PROPOSE).variable("in", proposal(m, "JUNIOR", "x")), "BAD_REQUEST", "input.targetGrade",
                "ABOVE_CURRENT_GRADE");
        answered(as(Fixtures.COMMITTEE).document(PROPOSE).variable("in", proposal(m, "CHAIRMAN", "x")), "BAD_REQUEST", null, null);
        answered(as(Fixtures.COMMITTEE).document(PROPOSE).variable("in", proposal(m, "SENIOR", huge)), "BAD_REQUEST", "input.reason", null);
        answered(as(Fixtures.COMMITTEE).document(PROPOSE).variable("in", proposal(m, "SENIOR", null)), "BAD_REQUEST", null, null);
        answered(as(Fixtures.COMMITTEE).document(PROPOSE).variable("in", proposal("999999999", "SENIOR", "x")), "NOT_FOUND",
                "input.managerId", null);
        assertThat(cases()).isEqualTo(before);

        answered(as(Fixtures.HR).document(CASE).variable("id", "abc"), "BAD_REQUEST", "id", "ID_FORMAT");
        answered(as(Fixtures.HR).document(CASE).variable("id", huge), "BAD_REQUEST", "id", "ID_FORMAT");
        answered(as(Fixtures.HR).document(CASE).variable("id", "999999999"), "NOT_FOUND", "id", null);
        answered(as(Fixtures.HR).document(COUNT).variable("m", "1e9"), "BAD_REQUEST", "filter.managerId", null);
        answered(as(Fixtures.HR).document(COUNT).variable("m", huge), "BAD_REQUEST", "filter.managerId", null);
        answered(as(Fixtures.HR).document("{ personnelCases(first: 101) { totalCount } }"), "BAD_REQUEST", null, "PAGE_SIZE");
        answered(as(Fixtures.HR).document("{ personnelCases(filter: {kind: FIRING}) { totalCount } }"), "BAD_REQUEST", null, null);
        answered(as(Fixtures.HR).document("{ personnelCases(after: \"" + huge + "\") { totalCount } }"), "BAD_REQUEST", null, null);
    }

    @Test
    void theReporterMayNotDecideTheirOwnReport() {
        String id = report(Fixtures.HR, manager.getId().toString(), "VIOLATION", yesterday(), "违规", null, null);
        String bk = "PERSONNEL-" + id;
        String task = inbox.claimable(Fixtures.HR, bk, "decideMisconduct");
        inbox.claim(Fixtures.HR, task).errors().verify();
        List<ResponseError> errors = new ArrayList<>();
        inbox.complete(Fixtures.HR, task, Map.of("misconductOutcome", "SUSPEND", "decisionReason", "待岗")).errors().satisfy(errors::addAll);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN");
            assertThat(e.getExtensions()).containsEntry("rule", "OWN_CASE");
        });
        as(Fixtures.HR).document(CASE).variable("id", id).execute().path("personnelCase.state").entity(String.class).isEqualTo("OPEN");
        as(Fixtures.HR).document("mutation($id: ID!) { unclaimTask(input: {taskId: $id}) { task { id } } }").variable("id", task)
                .execute().errors().verify();
        inbox.work(hr2, bk, "decideMisconduct", Map.of("misconductOutcome", "SUSPEND", "decisionReason", "待岗"));
        as(Fixtures.HR).document(CASE).variable("id", id).execute().path("personnelCase.outcome").entity(String.class).isEqualTo("SUSPEND");
        as(Fixtures.HR).document("query($id: ID!) { manager(id: $id) { status statusReason } }").variable("id", manager.getId().toString())
                .execute().path("manager.statusReason").entity(String.class).isEqualTo("MISCONDUCT_SUSPENDED");
    }

    @Test
    void aPublishedSkillsTestBelowThePassMarkOpensAnExitReviewOfDismissalOrTransfer() {
        CustomerManager passed = fixtures.manager(branch, Region.URBAN, Grade.JUNIOR, null, head);
        LocalDate start = LocalDate.now().withDayOfMonth(1).minusMonths(1);
        String round = as(Fixtures.HR).document("""
                mutation($s: Date!, $e: Date!, $b: ID) {
                  openAssessmentRound(input: {kind: SKILLS_TEST, periodStart: $s, periodEnd: $e, branchId: $b}) { round { id } } }""")
                .variable("s", start.toString()).variable("e", start.plusMonths(1).minusDays(1).toString())
                .variable("b", fixtures.branchId(branch)).execute().path("openAssessmentRound.round.id").entity(String.class).get();
        String roundPi = fixtures.jdbc().queryForObject("select process_instance_id from assessment_round where id = ?", String.class,
                Long.parseLong(round));
        process.runJobs(roundPi);
        for (CustomerManager m : List.of(manager, passed)) {
            String pi = fixtures.jdbc().queryForObject("select process_instance_id from assessment_result where round_id = ? and manager_id = ?",
                    String.class, Long.parseLong(round), m.getId());
            process.complete(pi, "recordSkillsTest", Fixtures.HR, Map.of("skillsScore", m == manager ? 59L : 60L));
            process.runJobs(pi);
            process.complete(pi, "confirmResult", head, Map.of());
        }
        process.complete(roundPi, "reviewRound", Fixtures.HR, Map.of("publishDecision", "PUBLISH"));
        process.runJobs(roundPi);

        List<Map<String, Object>> failed = exitReviews(manager);
        assertThat(failed).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("exitCause", "SKILLS_TEST_FAILED").containsEntry("reference", "ROUND-" + round)
                    .containsEntry("state", "OPEN");
            assertThat(c.get("steps").toString()).contains("decideDismissal");
        });
        assertThat(exitReviews(passed)).isEmpty();

        String bk = "PERSONNEL-" + failed.get(0).get("id");
        String task = inbox.claimable(Fixtures.HR, bk, "decideDismissal");
        inbox.claim(Fixtures.HR, task).errors().verify();
        answered(completion(task, "COUNSEL_OUT"), "BAD_REQUEST", "input.values.exitOutcome", "ALLOWED_VALUES");
        answered(completion(task, "TRANSFER"), null, null, null);
        as(Fixtures.HR).document("query($id: ID!) { manager(id: $id) { status statusReason } }").variable("id", manager.getId().toString())
                .execute().path("manager.status").entity(String.class).isEqualTo("LEFT")
                .path("manager.statusReason").entity(String.class).isEqualTo("EXIT_TRANSFERRED");
    }

    @Test
    void twoHrApprovalsToSeniorAtOnceInABranchWithRoomForOneGetOnePlace() {
        // 4 graded managers, a SENIOR cap of 30 %: one SENIOR place, none taken.
        fixtures.manager(branch, Region.URBAN, Grade.JUNIOR, null, head);
        List<CustomerManager> candidates = List.of(fixtures.manager(branch, Region.URBAN, Grade.INTERMEDIATE, null, head),
                fixtures.manager(branch, Region.URBAN, Grade.INTERMEDIATE, null, head));
        List<String> taskIds = new ArrayList<>();
        for (CustomerManager c : candidates) {
            answered(as(Fixtures.COMMITTEE).document(PROPOSE).variable("in", proposal(c.getId().toString(), "SENIOR", "业绩突出")), null, null,
                    null);
            String bk = "PERSONNEL-" + last();
            inbox.work(committee2, bk, "committeeApproval", Map.of("approval", "APPROVE", "decisionReason", "同意"));
            String task = inbox.claimable(hr2, bk, "hrApproval");
            inbox.claim(hr2, task).errors().verify();
            taskIds.add(task);
        }
        List<List<ResponseError>> answers = Simultaneously.run(2, i -> {
            List<ResponseError> errors = new ArrayList<>();
            inbox.complete(hr2, taskIds.get(i), Map.of("approval", "APPROVE", "decisionReason", "同意")).errors().satisfy(errors::addAll);
            return errors;
        });
        assertThat(answers).filteredOn(List::isEmpty).hasSize(1);
        assertThat(answers).filteredOn(e -> !e.isEmpty()).singleElement().satisfies(errors -> assertThat(errors).singleElement()
                .satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT");
                    assertThat(e.getExtensions()).containsEntry("rule", "SENIOR_CAP");
                }));
        assertThat(fixtures.jdbc().queryForObject("select count(*) from customer_manager where branch_id = ? and grade = 'SENIOR'",
                Integer.class, Long.parseLong(fixtures.branchId(branch)))).isEqualTo(1);
        assertThat(fixtures.jdbc().queryForObject("select count(*) from personnel_case where manager_id in (?, ?) and state = 'DECIDED'",
                Integer.class, candidates.get(0).getId(), candidates.get(1).getId())).isEqualTo(1);
    }

    private GraphQlTester.Request<?> completion(String task, String outcome) {
        return as(Fixtures.HR).documentName("completeTask").variable("id", task)
                .variable("values", InboxClient.values(Map.of("exitOutcome", outcome, "decisionReason", "技能测试不合格")));
    }

    private List<Map<String, Object>> exitReviews(CustomerManager m) {
        return as(Fixtures.HR).document("""
                query($m: ID!) { personnelCases(filter: {managerId: $m, kind: EXIT_REVIEW}) { nodes { id state exitCause reference
                  steps { key } } } }""").variable("m", m.getId().toString()).execute()
                .path("personnelCases.nodes").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .get();
    }

    private String report(String user, String managerId, String category, String on, String description, String field, String rule) {
        answered(as(user).document(REPORT).variable("in", misconductInput(managerId, category, on, description)), null, field, rule);
        return last();
    }

    /** The id of the newest case. */
    private String last() {
        return fixtures.jdbc().queryForObject("select max(id) from personnel_case", Long.class).toString();
    }

    private long count(String user) {
        return as(user).document(COUNT).variable("m", manager.getId().toString()).execute().path("personnelCases.totalCount")
                .entity(Long.class).get();
    }

    private long cases() {
        return fixtures.jdbc().queryForObject("select count(*) from personnel_case", Long.class);
    }

    private static String yesterday() {
        return LocalDate.now().minusDays(1).toString();
    }

    private static Map<String, Object> misconductInput(String managerId, String category, String on, String description) {
        Map<String, Object> in = new HashMap<>();
        in.put("managerId", managerId);
        in.put("category", category);
        in.put("occurredOn", on);
        in.put("description", description);
        return in;
    }

    private static Map<String, Object> proposal(String managerId, String grade, String reason) {
        Map<String, Object> in = new HashMap<>();
        in.put("managerId", managerId);
        in.put("targetGrade", grade);
        in.put("reason", reason);
        return in;
    }
}
