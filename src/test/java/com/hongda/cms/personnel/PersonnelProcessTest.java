package com.hongda.cms.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.Region;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ExitReviewDue;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.manager.ManagerStatus;
import com.hongda.cms.security.Role;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.ProcessCoverage;
import com.hongda.cms.support.ProcessDriver;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The personnel models ({@code bpmn/personnel-misconduct.bpmn}, {@code personnel-exit-review.bpmn},
 * {@code personnel-promotion.bpmn}) on the real engine, every path: each misconduct outcome and its
 * entry in the manager's history, the reporter refused as decider; both exit review causes and their
 * choices; an exceptional promotion rejected by the committee, rejected by HR, and approved by both
 * (skipping a grade), the proposer refused as approver.
 */
class PersonnelProcessTest extends IntegrationTest {

    @RegisterExtension
    static final ProcessCoverage.Check COVERAGE = ProcessCoverage.of(0.9, "personnel-misconduct", "personnel-exit-review",
            "personnel-promotion");

    @Autowired
    ProcessDriver process;

    @Autowired
    RuntimeService runtime;

    @Autowired
    PersonnelCaseRepository cases;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    org.camunda.bpm.engine.TaskService tasks;

    private String branch;
    private String head;
    private String hr2;
    private String committee2;

    @BeforeEach
    void company() {
        head = fixtures.newUser("head", Role.SUPERVISOR);
        hr2 = fixtures.newUser("hr", Role.HR);
        committee2 = fixtures.newUser("cmt", Role.COMMITTEE);
        branch = fixtures.unique("PP");
    }

    @Test
    void misconductIsDecidedByHrNotTheReporterAndStandsInTheManagersHistory() {
        CustomerManager m = manager(Grade.INTERMEDIATE);
        PersonnelCase demote = report(head, m, "LOSS");
        assertThat(demote.getReportedBy()).isEqualTo(head);
        decide(demote, Fixtures.HR, "DEMOTE");
        PersonnelCase decided = cases.findById(demote.getId()).orElseThrow();
        assertThat(decided.getState()).isEqualTo(PersonnelState.DECIDED);
        assertThat(decided.getOutcome()).isEqualTo(PersonnelOutcome.DEMOTE);
        assertThat(decided.getDecidedBy()).isEqualTo(Fixtures.HR);
        assertThat(decided.getDecisionReason()).isEqualTo("理由 DEMOTE");
        assertThat(fixtures.jdbc().queryForMap("select to_grade, reason, process_instance_id, decided_by from manager_grade_change"
                + " where manager_id = ? order by id desc limit 1", m.getId()))
                .containsEntry("to_grade", "JUNIOR").containsEntry("reason", "MISCONDUCT_DEMOTED")
                .containsEntry("process_instance_id", demote.getProcessInstanceId()).containsEntry("decided_by", Fixtures.HR);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(demote.getProcessInstanceId()).count()).isZero();

        // HR reports; that officer may not decide, another one does.
        PersonnelCase suspend = report(Fixtures.HR, m, "VIOLATION");
        Throwable refused = catchThrowable(() -> decide(suspend, Fixtures.HR, "SUSPEND"));
        assertThat(domain(refused).rule()).isEqualTo("OWN_CASE");
        unclaim(suspend, "decideMisconduct");
        assertThat(cases.findById(suspend.getId()).orElseThrow().getState()).isEqualTo(PersonnelState.OPEN);
        decide(suspend, hr2, "SUSPEND");
        assertThat(status(m)).isEqualTo(ManagerStatus.SUSPENDED);

        PersonnelCase nothing = report(head, m, "PUBLIC_EXPOSURE");
        decide(nothing, hr2, "NO_ACTION");
        assertThat(cases.findById(nothing.getId()).orElseThrow().getOutcome()).isEqualTo(PersonnelOutcome.NO_ACTION);
        assertThat(status(m)).isEqualTo(ManagerStatus.SUSPENDED);

        // A JUNIOR cannot go lower: the completion is refused and HR chooses again.
        PersonnelCase fraud = report(head, m, "FRAUD");
        assertThat(domain(catchThrowable(() -> decide(fraud, hr2, "DEMOTE"))).rule()).isEqualTo("GRADE_ONE_STEP");
        assertThat(cases.findById(fraud.getId()).orElseThrow().getState()).isEqualTo(PersonnelState.OPEN);
        decide(fraud, hr2, "DISMISS");
        assertThat(status(m)).isEqualTo(ManagerStatus.LEFT);
        assertThat(fixtures.jdbc().queryForObject("select reason from manager_status_change where manager_id = ? order by id desc limit 1",
                String.class, m.getId())).isEqualTo("MISCONDUCT_DISMISSED");
    }

    @Test
    void anExitReviewOffersTheChoicesOfItsCauseAndTheManagerLeaves() {
        CustomerManager twice = manager(Grade.JUNIOR);
        PersonnelCase counselled = exitReview(twice, ExitReviewDue.Cause.DEMOTED_TWICE);
        // A second announcement while the review is open opens none.
        assertThat(exitReview(twice, ExitReviewDue.Cause.DEMOTED_TWICE).getId()).isEqualTo(counselled.getId());
        assertThat(counselled.getReference()).startsWith("CYCLE-");
        process.complete(counselled.getProcessInstanceId(), "decideCounselling", Fixtures.HR,
                Map.of("exitOutcome", "COUNSEL_OUT", "decisionReason", "连续两年降级"));
        assertThat(cases.findById(counselled.getId()).orElseThrow().getOutcome()).isEqualTo(PersonnelOutcome.COUNSEL_OUT);
        assertThat(status(twice)).isEqualTo(ManagerStatus.LEFT);
        assertThat(statusReason(twice)).isEqualTo("EXIT_COUNSELLED_OUT");

        CustomerManager failed = manager(Grade.JUNIOR);
        PersonnelCase dismissed = exitReview(failed, ExitReviewDue.Cause.SKILLS_TEST_FAILED);
        process.complete(dismissed.getProcessInstanceId(), "decideDismissal", Fixtures.HR,
                Map.of("exitOutcome", "DISMISS", "decisionReason", "技能测试不合格"));
        assertThat(statusReason(failed)).isEqualTo("EXIT_DISMISSED");

        CustomerManager moved = manager(Grade.INTERMEDIATE);
        PersonnelCase transferred = exitReview(moved, ExitReviewDue.Cause.SKILLS_TEST_FAILED);
        // Left meanwhile by another decision: HR's choice is recorded, the earlier leaving stands.
        decide(report(head, moved, "FRAUD"), Fixtures.HR, "DISMISS");
        process.complete(transferred.getProcessInstanceId(), "decideDismissal", Fixtures.HR,
                Map.of("exitOutcome", "TRANSFER", "decisionReason", "转岗"));
        assertThat(cases.findById(transferred.getId()).orElseThrow().getState()).isEqualTo(PersonnelState.DECIDED);
        assertThat(statusReason(moved)).isEqualTo("MISCONDUCT_DISMISSED");

        // A manager who has left needs no review.
        long before = cases.count();
        transactions.executeWithoutResult(s -> events.publishEvent(new ExitReviewDue(moved.getId(), ExitReviewDue.Cause.DEMOTED_TWICE,
                "CYCLE-1", null)));
        assertThat(cases.count()).isEqualTo(before);
    }

    @Test
    void anExceptionalPromotionNeedsAnotherCommitteeMemberAndHr() {
        CustomerManager m = manager(Grade.JUNIOR);
        manager(Grade.JUNIOR);
        manager(Grade.JUNIOR);
        manager(Grade.JUNIOR);

        PersonnelCase byCommittee = propose(m, "SENIOR");
        assertThat(domain(catchThrowable(() -> approve(byCommittee, "committeeApproval", Fixtures.COMMITTEE, "APPROVE"))).rule())
                .isEqualTo("OWN_CASE");
        unclaim(byCommittee, "committeeApproval");
        approve(byCommittee, "committeeApproval", committee2, "REJECT");
        PersonnelCase rejected = cases.findById(byCommittee.getId()).orElseThrow();
        assertThat(rejected.getState()).isEqualTo(PersonnelState.REJECTED);
        assertThat(rejected.getDecidedBy()).isEqualTo(committee2);
        assertThat(rejected.getApprovedBy()).isNull();

        PersonnelCase byHr = propose(m, "INTERMEDIATE");
        approve(byHr, "committeeApproval", committee2, "APPROVE");
        approve(byHr, "hrApproval", Fixtures.HR, "REJECT");
        assertThat(cases.findById(byHr.getId()).orElseThrow()).satisfies(c -> {
            assertThat(c.getState()).isEqualTo(PersonnelState.REJECTED);
            assertThat(c.getApprovedBy()).isEqualTo(committee2);
            assertThat(c.getDecidedBy()).isEqualTo(Fixtures.HR);
        });

        PersonnelCase approved = propose(m, "SENIOR");
        approve(approved, "committeeApproval", committee2, "APPROVE");
        approve(approved, "hrApproval", Fixtures.HR, "APPROVE");
        assertThat(cases.findById(approved.getId()).orElseThrow().getOutcome()).isEqualTo(PersonnelOutcome.PROMOTE);
        assertThat(fixtures.jdbc().queryForMap("select to_grade, reason, process_instance_id, decided_by from manager_grade_change"
                + " where manager_id = ? order by id desc limit 1", m.getId()))
                .containsEntry("to_grade", "SENIOR").containsEntry("reason", "EXCEPTIONAL_PROMOTION")
                .containsEntry("process_instance_id", approved.getProcessInstanceId()).containsEntry("decided_by", Fixtures.HR);

        // The branch's one SENIOR place is taken: HR's approval of another is refused, and HR may reject.
        PersonnelCase full = propose(manager(Grade.INTERMEDIATE), "SENIOR");
        approve(full, "committeeApproval", committee2, "APPROVE");
        assertThat(domain(catchThrowable(() -> approve(full, "hrApproval", Fixtures.HR, "APPROVE"))).rule()).isEqualTo("SENIOR_CAP");
        approve(full, "hrApproval", Fixtures.HR, "REJECT");
        assertThat(cases.findById(full.getId()).orElseThrow().getState()).isEqualTo(PersonnelState.REJECTED);
    }

    private CustomerManager manager(Grade grade) {
        return fixtures.manager(branch, Region.URBAN, grade, null, head);
    }

    private PersonnelCase report(String user, CustomerManager m, String category) {
        String id = as(user).document("""
                mutation($m: ID!, $c: MisconductCategory!) { reportMisconduct(input: {managerId: $m, category: $c,
                  occurredOn: "2020-01-01", description: "事实经过"}) { personnelCase { id } } }""".replace("2020-01-01",
                        java.time.LocalDate.now().minusDays(3).toString()))
                .variable("m", m.getId().toString()).variable("c", category).execute()
                .path("reportMisconduct.personnelCase.id").entity(String.class).get();
        return cases.findById(Long.parseLong(id)).orElseThrow();
    }

    private PersonnelCase propose(CustomerManager m, String grade) {
        String id = as(Fixtures.COMMITTEE).document("""
                mutation($m: ID!, $g: Grade!) { proposeExceptionalPromotion(input: {managerId: $m, targetGrade: $g,
                  reason: "业绩突出"}) { personnelCase { id } } }""")
                .variable("m", m.getId().toString()).variable("g", grade).execute()
                .path("proposeExceptionalPromotion.personnelCase.id").entity(String.class).get();
        return cases.findById(Long.parseLong(id)).orElseThrow();
    }

    private PersonnelCase exitReview(CustomerManager m, ExitReviewDue.Cause cause) {
        transactions.executeWithoutResult(s -> events.publishEvent(new ExitReviewDue(m.getId(), cause, fixtures.unique("CYCLE-"), null)));
        return cases.findById(fixtures.jdbc().queryForObject("select min(id) from personnel_case where manager_id = ? and kind = ?",
                Long.class, m.getId(), PersonnelKind.EXIT_REVIEW.name())).orElseThrow();
    }

    private void decide(PersonnelCase c, String user, String outcome) {
        process.complete(c.getProcessInstanceId(), "decideMisconduct", user,
                Map.of("misconductOutcome", outcome, "decisionReason", "理由 " + outcome));
    }

    private void approve(PersonnelCase c, String step, String user, String approval) {
        process.complete(c.getProcessInstanceId(), step, user, Map.of("approval", approval, "decisionReason", "意见 " + approval));
    }

    /** Gives a task back after a refused completion (the claim stands: it was a command of its own). */
    private void unclaim(PersonnelCase c, String step) {
        tasks.setAssignee(tasks.createTaskQuery().processInstanceId(c.getProcessInstanceId()).taskDefinitionKey(step).singleResult().getId(),
                null);
    }

    private ManagerStatus status(CustomerManager m) {
        return ManagerStatus.valueOf(fixtures.jdbc().queryForObject("select status from customer_manager where id = ?", String.class,
                m.getId()));
    }

    private String statusReason(CustomerManager m) {
        return fixtures.jdbc().queryForObject("select reason from manager_status_change where manager_id = ? order by id desc limit 1",
                String.class, m.getId());
    }

    /** The rule refusal behind what the engine threw. */
    static DomainException domain(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof DomainException d) {
                return d;
            }
        }
        throw new AssertionError("no rule refusal behind " + thrown, thrown);
    }
}
