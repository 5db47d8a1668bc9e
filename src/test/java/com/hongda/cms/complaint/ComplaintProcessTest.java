package com.hongda.cms.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import com.hongda.cms.branch.Branches;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.ErrorType;
import com.hongda.cms.common.Region;
import com.hongda.cms.customer.Customer;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.security.Role;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.Fixtures.Tier;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.ProcessCoverage;
import com.hongda.cms.support.ProcessDriver;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The complaint model ({@code bpmn/complaint-handling.bpmn}) with its routing table
 * ({@code bpmn/complaint-routing.dmn}) on the real engine: routing to the customer's manager, the
 * supervisors or the service desk with due dates in working or calendar hours; the warning at 75 % and
 * the three escalation levels fired by moving the clock; the compensation's approval, rejected and
 * approved; the call-back satisfied, dissatisfied until the supervisor closes, and unanswered; a
 * substantiated complaint against a manager counted in the assessment and followed by the supervisor's
 * consequence; and the figures' columns. The clock is moved and jobs are run by hand. Times are UTC; the
 * calendar counts in Asia/Shanghai (UTC+8), so 02:00Z is 10:00 there.
 */
class ComplaintProcessTest extends IntegrationTest {

    @RegisterExtension
    static final ProcessCoverage.Check COVERAGE = ProcessCoverage.of(0.9, "complaint-handling");

    /** Friday 5 March 2032, 10:00 in Shanghai. */
    private static final Instant FRIDAY = Instant.parse("2032-03-05T02:00:00Z");
    /** Monday 8 March 2032, 10:00 in Shanghai. */
    private static final Instant MONDAY = Instant.parse("2032-03-08T02:00:00Z");

    private static final Map<String, Object> UNSUBSTANTIATED = Map.of("finding", "UNSUBSTANTIATED", "rootCause", "MISUNDERSTANDING",
            "resolution", "已向客户解释", "apology", false);

    @Autowired
    ProcessDriver process;

    @Autowired
    Complaints complaints;

    @Autowired
    ComplaintRepository repository;

    @Autowired
    ComplaintEscalationRepository escalations;

    @Autowired
    Branches branches;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @AfterEach
    void realTime() {
        ProcessDriver.resetClock();
        SecurityContextHolder.clearContext();
    }

    @Test
    void theRoutingTableChoosesTheHandlerTheQueueAndTheDueDates() {
        ProcessDriver.at(FRIDAY);
        String branch = fixtures.unique("投诉分派");
        CustomerManager senior = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, fixtures.newUser("cms", Role.MANAGER), Fixtures.SUPERVISOR);
        CustomerManager junior = fixtures.manager(branch, Region.URBAN, Grade.JUNIOR, fixtures.newUser("cmj", Role.MANAGER), Fixtures.SUPERVISOR2);
        Customer a1 = customer(Tier.A1, senior);
        Customer c = customer(Tier.C, junior);

        // A1 with a manager: that manager, 24 working hours from Friday 10:00: the weekend does not count, Monday 10:00;
        // resolution 72 working hours: Wednesday 10:00.
        Complaint toManager = register(a1.getId(), null, Category.SERVICE_QUALITY, Severity.MEDIUM);
        assertThat(toManager.getHandlerUserId()).isEqualTo(senior.getUserId());
        assertThat(toManager.getQueueGroup()).as("the group that stands in when the handler is gone").isEqualTo("SERVICE_DESK");
        assertThat(toManager.getSlaClock()).isEqualTo("WORKING_DAYS");
        assertThat(toManager.getTier()).isEqualTo("A1");
        assertThat(toManager.getFirstResponseDue()).isEqualTo("2032-03-08T02:00:00Z");
        assertThat(toManager.getResolutionDue()).isEqualTo("2032-03-10T02:00:00Z");
        assertThat(toManager.getState()).isEqualTo(ComplaintState.HANDLING);
        Task respond = task(toManager, "respond");
        assertThat(candidateUsers(respond)).containsExactly(senior.getUserId());
        assertThat(candidateGroups(respond)).isEmpty();
        assertThat(respond.getDueDate().toInstant()).isEqualTo("2032-03-08T02:00:00Z");

        // C-tier: 48 working hours, Tuesday 10:00; resolution 120 working hours, Friday 10:00 a week later.
        Complaint cTier = register(c.getId(), null, Category.SERVICE_ATTITUDE, Severity.LOW);
        assertThat(cTier.getHandlerUserId()).isEqualTo(junior.getUserId());
        assertThat(cTier.getFirstResponseDue()).isEqualTo("2032-03-09T02:00:00Z");
        assertThat(cTier.getResolutionDue()).isEqualTo("2032-03-12T02:00:00Z");

        // Billing of a C-tier customer: the service desk, 48 working hours.
        Complaint billing = register(c.getId(), null, Category.BILLING, Severity.MEDIUM);
        assertThat(billing.getHandlerUserId()).isNull();
        assertThat(billing.getQueueGroup()).isEqualTo("SERVICE_DESK");
        assertThat(billing.getFirstResponseDue()).isEqualTo("2032-03-09T02:00:00Z");

        // CRITICAL: the supervisors' queue (the supervisor of the customer's manager), 4 and 24 calendar hours.
        Complaint critical = register(a1.getId(), null, Category.NETWORK, Severity.CRITICAL);
        assertThat(critical.getQueueGroup()).isEqualTo("SUPERVISOR");
        assertThat(critical.getHandlerUserId()).isEqualTo(Fixtures.SUPERVISOR);
        assertThat(critical.getSlaClock()).isEqualTo("CALENDAR");
        assertThat(critical.getFirstResponseDue()).isEqualTo(FRIDAY.plus(Duration.ofHours(4)));
        assertThat(critical.getResolutionDue()).isEqualTo(FRIDAY.plus(Duration.ofHours(24)));
        assertThat(candidateUsers(task(critical, "respond"))).containsExactly(Fixtures.SUPERVISOR);

        // About the manager's own conduct: the supervisor of the manager complained about, never that manager.
        Complaint aboutManager = register(c.getId(), junior.getId(), Category.SERVICE_ATTITUDE, Severity.HIGH);
        assertThat(aboutManager.getQueueGroup()).isEqualTo("SUPERVISOR");
        assertThat(aboutManager.getHandlerUserId()).isEqualTo(Fixtures.SUPERVISOR2);
        assertThat(aboutManager.getManagerId()).isEqualTo(junior.getId());
        assertThat(aboutManager.getFirstResponseDue()).isEqualTo("2032-03-08T02:00:00Z");
        assertThat(aboutManager.getResolutionDue()).isEqualTo("2032-03-10T02:00:00Z");
        Task aboutRespond = task(aboutManager, "respond");
        assertThat(candidateUsers(aboutRespond)).containsExactly(Fixtures.SUPERVISOR2).doesNotContain(junior.getUserId());
        assertThat(candidateGroups(aboutRespond)).isEmpty();

        // Customer not known: the service desk's queue, 48 and 120 working hours.
        Complaint unknown = register(null, null, Category.PRODUCT, Severity.HIGH);
        assertThat(unknown.getQueueGroup()).isEqualTo("SERVICE_DESK");
        assertThat(unknown.getHandlerUserId()).isNull();
        assertThat(unknown.getTier()).isNull();
        assertThat(unknown.getFirstResponseDue()).isEqualTo("2032-03-09T02:00:00Z");
        assertThat(unknown.getResolutionDue()).isEqualTo("2032-03-12T02:00:00Z");
        Task desk = task(unknown, "respond");
        assertThat(candidateUsers(desk)).isEmpty();
        assertThat(candidateGroups(desk)).containsExactly("SERVICE_DESK");
    }

    @Test
    void theClockRaisesTheTaskAndEscalatesInThreeLevelsEachOnce() {
        Escalated e = escalatedThroughThreeLevels();
        // 72 hours and a minute after the registration: late.
        assertThat(figures(e.complaint())).isEqualTo(new Figures(72 * 60 + 1, false, null, null, 0, null));
    }

    @Test
    void aLateComplaintClosesWithItsLateFiguresAndNoFurtherEscalation() {
        Escalated e = escalatedThroughThreeLevels();
        String pi = e.complaint().getProcessInstanceId();
        process.complete(pi, "resolve", e.handler(), UNSUBSTANTIATED);
        assertThat(steps(pi)).containsExactly("callback");
        assertThat(reload(e.complaint()).getState()).isEqualTo(ComplaintState.CALLBACK);
        process.complete(pi, "callback", Fixtures.SERVICE, Map.of("reached", "REACHED", "satisfaction", 3L));
        process.runJobs(pi);
        assertThat(reload(e.complaint()).getCloseReason()).isEqualTo(CloseReason.SATISFIED);
        assertThat(escalations(e.complaint())).hasSize(3);
        // 72 hours and a minute after the registration: both late; 3 counts as satisfied.
        assertThat(figures(e.complaint())).isEqualTo(new Figures(72 * 60 + 1, false, 72 * 60 + 1, false, 0, 3));
    }

    private record Escalated(Complaint complaint, String handler) {
    }

    /**
     * An A1 complaint left unanswered past its warning, its due date and a day and two days after: raised, then escalated
     * to levels 1, 2 and 3, each recorded once; then answered late, when the resolution's warning and breach have passed too.
     */
    private Escalated escalatedThroughThreeLevels() {
        ProcessDriver.at(MONDAY);
        String head = fixtures.newUser("cmh", Role.SUPERVISOR);
        String branch = fixtures.unique("投诉升级");
        branches.create(new Branches.NewBranch(fixtures.unique("CB").replaceAll("[^A-Za-z0-9_-]", ""), branch, Region.URBAN, null, head, null,
                "TEST"), Fixtures.ADMIN);
        CustomerManager senior = fixtures.manager(branch, Region.URBAN, Grade.SENIOR, fixtures.newUser("cme", Role.MANAGER), Fixtures.SUPERVISOR);
        Complaint c = register(customer(Tier.A1, senior).getId(), null, Category.SERVICE_QUALITY, Severity.HIGH);
        String pi = c.getProcessInstanceId();
        // 24 working hours from Monday 10:00: Tuesday 10:00; 75 % of it: Tuesday 04:00; levels 2 and 3 a day and two later.
        Instant due = Instant.parse("2032-03-09T02:00:00Z");
        assertThat(c.getFirstResponseDue()).isEqualTo(due);
        assertThat(c.getResolutionDue()).isEqualTo("2032-03-11T02:00:00Z");

        ProcessDriver.at(MONDAY.plus(Duration.ofHours(17)));
        process.runJobs(pi);
        assertThat(task(c, "respond").getPriority()).isEqualTo(50);

        ProcessDriver.at(MONDAY.plus(Duration.ofHours(18)).plusSeconds(60));
        process.runJobs(pi);
        assertThat(task(c, "respond").getPriority()).isEqualTo(70);
        assertThat(escalations(c)).isEmpty();
        assertThat(reload(c).getEscalationLevel()).isZero();

        // Breached: level 1, the supervisor becomes a candidate.
        ProcessDriver.at(due.plusSeconds(60));
        process.runJobs(pi);
        Task respond = task(c, "respond");
        assertThat(respond.getPriority()).isGreaterThanOrEqualTo(70);
        assertThat(candidateUsers(respond)).containsExactlyInAnyOrder(senior.getUserId(), Fixtures.SUPERVISOR);
        assertThat(reload(c).getEscalationLevel()).isEqualTo(1);
        assertThat(escalations(c)).extracting(ComplaintEscalation::getLevel, ComplaintEscalation::getKind, ComplaintEscalation::getNotified)
                .containsExactly(tuple(1, "FIRST_RESPONSE", "user:" + Fixtures.SUPERVISOR));
        assertThat(escalations(c).get(0).getEscalatedAt()).isEqualTo(due.plusSeconds(60));

        // Still in handling a day after the due date: level 2, the branch head and HR.
        ProcessDriver.at(due.plus(Duration.ofHours(24)).plusSeconds(60));
        process.runJobs(pi);
        respond = task(c, "respond");
        assertThat(respond.getPriority()).isEqualTo(80);
        assertThat(candidateUsers(respond)).contains(head, Fixtures.SUPERVISOR, senior.getUserId());
        assertThat(candidateGroups(respond)).containsExactly("HR");
        assertThat(reload(c).getEscalationLevel()).isEqualTo(2);
        assertThat(escalations(c)).extracting(ComplaintEscalation::getLevel, ComplaintEscalation::getKind, ComplaintEscalation::getNotified)
                .containsExactly(tuple(1, "FIRST_RESPONSE", "user:" + Fixtures.SUPERVISOR), tuple(2, "STILL_OPEN", "user:" + head + ",group:HR"));

        // Two days after: level 3, the service directors.
        Instant late = due.plus(Duration.ofHours(48)).plusSeconds(60);
        ProcessDriver.at(late);
        process.runJobs(pi);
        respond = task(c, "respond");
        assertThat(respond.getPriority()).isEqualTo(90);
        assertThat(candidateGroups(respond)).containsExactlyInAnyOrder("HR", "SERVICE_DIRECTOR");
        assertThat(reload(c).getEscalationLevel()).isEqualTo(3);
        process.runJobs(pi);
        assertThat(escalations(c)).extracting(ComplaintEscalation::getLevel).containsExactly(1, 2, 3);
        assertThat(escalations(c).get(2).getNotified()).isEqualTo("group:SERVICE_DIRECTOR");

        // The late response; the resolution's warning and breach have passed too: its task is raised, but level 1
        // (reached already) is neither notified nor recorded again.
        process.complete(pi, "respond", senior.getUserId(), Map.of("firstResponse", " 已致电客户 "));
        process.runJobs(pi);
        Task resolve = task(c, "resolve");
        assertThat(resolve.getPriority()).isEqualTo(70);
        assertThat(candidateUsers(resolve)).containsExactly(senior.getUserId());
        assertThat(escalations(c)).extracting(ComplaintEscalation::getLevel).containsExactly(1, 2, 3);
        Complaint responded = reload(c);
        assertThat(responded.getEscalationLevel()).isEqualTo(3);
        assertThat(responded.getFirstResponse()).isEqualTo("已致电客户");
        assertThat(responded.getFirstRespondedBy()).isEqualTo(senior.getUserId());
        assertThat(responded.getFirstRespondedAt()).isEqualTo(late);
        return new Escalated(c, senior.getUserId());
    }

    @Test
    void compensationAboveTheLimitWaitsForTheSupervisorWhoMayRejectIt() {
        Complaint c = compensationRejected();
        // Responded after 2 hours, resolved after 5: both in time.
        assertThat(figures(c)).isEqualTo(new Figures(120, true, 300, true, 0, null));
    }

    @Test
    void aCompensationWithinTheLimitNeedsNoApprovalAndASatisfiedComplainantCloses() {
        Complaint c = compensationRejected();
        String pi = c.getProcessInstanceId();
        String handler = c.getHandlerUserId();

        // 300 is below the limit: straight to the call-back.
        ProcessDriver.at(MONDAY.plus(Duration.ofHours(6)));
        process.complete(pi, "resolve", handler, resolution(300L));
        assertThat(steps(pi)).containsExactly("callback");
        Complaint lower = reload(c);
        assertThat(lower.getCompensation()).isEqualByComparingTo("300");
        assertThat(lower.getCompensationApprovedBy()).isNull();
        assertThat(lower.getState()).isEqualTo(ComplaintState.CALLBACK);

        // Satisfied (4): closed.
        ProcessDriver.at(MONDAY.plus(Duration.ofHours(8)));
        process.complete(pi, "callback", Fixtures.SERVICE, Map.of("reached", "REACHED", "satisfaction", 4L, "callbackComment", "满意"));
        // Substantiated, and the customer has a manager: it counts against them, and their supervisor decides next.
        assertThat(steps(pi)).containsExactly("decideConsequence");
        Complaint closed = reload(c);
        assertThat(closed.getState()).isEqualTo(ComplaintState.CLOSED);
        assertThat(closed.getCloseReason()).isEqualTo(CloseReason.SATISFIED);
        assertThat(closed.getClosedAt()).isEqualTo(MONDAY.plus(Duration.ofHours(8)));
        assertThat(closed.getCalledBackBy()).isEqualTo(Fixtures.SERVICE);
        assertThat(closed.getCallbackComment()).isEqualTo("满意");
        assertThat(ended(pi)).isFalse();
        assertThat(figures(c)).isEqualTo(new Figures(120, true, 360, true, 0, 4));
    }

    /** A C-tier complaint resolved with a compensation of 800, which the supervisor rejects: back to the resolution. */
    private Complaint compensationRejected() {
        ProcessDriver.at(MONDAY);
        CustomerManager junior = fixtures.manager(fixtures.unique("投诉补偿"), Region.URBAN, Grade.JUNIOR, fixtures.newUser("cmc", Role.MANAGER),
                Fixtures.SUPERVISOR);
        Complaint c = register(customer(Tier.C, junior).getId(), null, Category.SERVICE_QUALITY, Severity.MEDIUM);
        String pi = c.getProcessInstanceId();
        // 48 working hours from Monday 10:00: Wednesday 10:00; 120: the next Monday 10:00.
        assertThat(c.getFirstResponseDue()).isEqualTo("2032-03-10T02:00:00Z");
        assertThat(c.getResolutionDue()).isEqualTo("2032-03-15T02:00:00Z");

        ProcessDriver.at(MONDAY.plus(Duration.ofHours(2)));
        process.complete(pi, "respond", junior.getUserId(), Map.of("firstResponse", "已受理"));
        assertThat(steps(pi)).containsExactly("resolve");
        ProcessDriver.at(MONDAY.plus(Duration.ofHours(5)));
        process.complete(pi, "resolve", junior.getUserId(), resolution(800L));
        assertThat(steps(pi)).containsExactly("approveCompensation");
        Task approve = task(c, "approveCompensation");
        assertThat(candidateUsers(approve)).containsExactly(Fixtures.SUPERVISOR);
        assertThat(candidateGroups(approve)).isEmpty();
        Complaint resolved = reload(c);
        assertThat(resolved.getCompensation()).isEqualByComparingTo("800");
        assertThat(resolved.getFinding()).isEqualTo(Finding.SUBSTANTIATED);
        assertThat(resolved.getRootCause()).isEqualTo(RootCause.BILLING);
        assertThat(resolved.getApology()).isTrue();
        assertThat(resolved.getResolvedBy()).isEqualTo(junior.getUserId());
        assertThat(resolved.getState()).isEqualTo(ComplaintState.HANDLING);

        // Rejected: back to the handler's resolution.
        process.complete(pi, "approveCompensation", Fixtures.SUPERVISOR, Map.of("compensationDecision", "REJECT", "approvalNote", "太高"));
        assertThat(steps(pi)).containsExactly("resolve");
        assertThat(candidateUsers(task(c, "resolve"))).containsExactly(junior.getUserId());
        assertThat(reload(c).getCompensationApprovedBy()).isNull();
        assertThat(reload(c).getState()).isEqualTo(ComplaintState.HANDLING);
        return c;
    }

    @Test
    void anApprovedCompensationGoesToTheCallBackWhichClosesAsUnreachableAfterThreeDays() {
        ProcessDriver.at(MONDAY);
        CustomerManager junior = fixtures.manager(fixtures.unique("投诉批准"), Region.URBAN, Grade.JUNIOR, fixtures.newUser("cma", Role.MANAGER),
                Fixtures.SUPERVISOR2);
        Complaint c = register(customer(Tier.C, junior).getId(), null, Category.PRODUCT, Severity.MEDIUM);
        String pi = c.getProcessInstanceId();
        process.complete(pi, "respond", junior.getUserId(), Map.of("firstResponse", "已受理"));
        process.complete(pi, "resolve", junior.getUserId(), resolution(800L));
        assertThat(candidateUsers(task(c, "approveCompensation"))).containsExactly(Fixtures.SUPERVISOR2);
        process.complete(pi, "approveCompensation", Fixtures.SUPERVISOR2, Map.of("compensationDecision", "APPROVE"));
        assertThat(steps(pi)).containsExactly("callback");
        Complaint approved = reload(c);
        assertThat(approved.getCompensationApprovedBy()).isEqualTo(Fixtures.SUPERVISOR2);
        assertThat(approved.getState()).isEqualTo(ComplaintState.CALLBACK);
        Task callback = task(c, "callback");
        assertThat(candidateGroups(callback)).containsExactly("SERVICE_DESK");
        assertThat(callback.getDueDate().toInstant()).isEqualTo(MONDAY.plus(Duration.ofDays(3)));

        // Not yet: the call-back waits.
        ProcessDriver.at(MONDAY.plus(Duration.ofDays(3)).minusSeconds(60));
        process.runJobs(pi);
        assertThat(steps(pi)).containsExactly("callback");

        ProcessDriver.at(MONDAY.plus(Duration.ofDays(3)).plusSeconds(60));
        process.runJobs(pi);
        // Substantiated, and the customer has a manager: it counts against them, and their supervisor decides next.
        assertThat(steps(pi)).containsExactly("decideConsequence");
        Complaint closed = reload(c);
        assertThat(closed.getState()).isEqualTo(ComplaintState.CLOSED);
        assertThat(closed.getCloseReason()).isEqualTo(CloseReason.UNREACHABLE);
        assertThat(closed.getSatisfaction()).isNull();
        assertThat(closed.getCompensationApprovedBy()).isEqualTo(Fixtures.SUPERVISOR2);
        assertThat(figures(c)).isEqualTo(new Figures(0, true, 0, true, 0, null));
    }

    @Test
    void aDissatisfiedComplainantReopensTwiceThenTheSupervisorDecidesAndCloses() {
        ProcessDriver.at(MONDAY);
        Complaint c = register(null, null, Category.OTHER, Severity.LOW);
        String pi = c.getProcessInstanceId();
        assertThat(candidateGroups(task(c, "respond"))).containsExactly("SERVICE_DESK");
        ProcessDriver.at(MONDAY.plus(Duration.ofMinutes(90)));
        process.complete(pi, "respond", Fixtures.SERVICE, Map.of("firstResponse", "已记录"));
        ProcessDriver.at(MONDAY.plus(Duration.ofHours(3)));
        process.complete(pi, "resolve", Fixtures.SERVICE, UNSUBSTANTIATED);

        // Reached but no satisfaction: refused, nothing written.
        DomainException refused = domain(catchThrowable(() -> process.complete(pi, "callback", Fixtures.SERVICE, Map.of("reached", "REACHED"))));
        assertThat(refused.type()).isEqualTo(ErrorType.BAD_REQUEST);
        assertThat(refused.field()).isEqualTo("satisfaction");
        assertThat(refused.rule()).isEqualTo("REQUIRED");
        assertThat(steps(pi)).containsExactly("callback");
        assertThat(reload(c).getState()).isEqualTo(ComplaintState.CALLBACK);
        assertThat(reload(c).getCalledBackBy()).isNull();

        // Dissatisfied on Tuesday 10:00: reopened with due dates from then: 48 working hours, Thursday 10:00; 120, the next
        // Tuesday 10:00 (the weekend does not count).
        Instant tuesday = MONDAY.plus(Duration.ofDays(1));
        ProcessDriver.at(tuesday);
        process.complete(pi, "callback", Fixtures.SERVICE, Map.of("reached", "REACHED", "satisfaction", 2L));
        assertThat(steps(pi)).containsExactly("respond");
        Complaint once = reload(c);
        assertThat(once.getReopenCount()).isEqualTo(1);
        assertThat(once.getState()).isEqualTo(ComplaintState.HANDLING);
        assertThat(once.getSatisfaction()).isEqualTo(2);
        assertThat(once.getFirstResponseDue()).isEqualTo("2032-03-11T02:00:00Z");
        assertThat(once.getResolutionDue()).isEqualTo("2032-03-16T02:00:00Z");
        assertThat(task(c, "respond").getDueDate().toInstant()).isEqualTo("2032-03-11T02:00:00Z");

        // Again, Wednesday: reopened a second time; due dates from Wednesday 10:00.
        Instant wednesday = tuesday.plus(Duration.ofDays(1));
        ProcessDriver.at(wednesday);
        process.complete(pi, "respond", Fixtures.SERVICE, Map.of("firstResponse", "再次联系"));
        process.complete(pi, "resolve", Fixtures.SERVICE, UNSUBSTANTIATED);
        process.complete(pi, "callback", Fixtures.SERVICE, Map.of("reached", "REACHED", "satisfaction", 1L));
        Complaint twice = reload(c);
        assertThat(twice.getReopenCount()).isEqualTo(2);
        assertThat(twice.getFirstResponseDue()).isEqualTo("2032-03-12T02:00:00Z");
        assertThat(twice.getResolutionDue()).isEqualTo("2032-03-17T02:00:00Z");
        // The first response and its figures stay those of the first time.
        assertThat(twice.getFirstResponse()).isEqualTo("再次联系");
        assertThat(twice.getFirstRespondedAt()).isEqualTo(MONDAY.plus(Duration.ofMinutes(90)));

        // The third dissatisfaction: the supervisors decide and close (no manager: the SUPERVISOR group).
        Instant thursday = wednesday.plus(Duration.ofDays(1));
        ProcessDriver.at(thursday);
        process.complete(pi, "respond", Fixtures.SERVICE, Map.of("firstResponse", "第三次"));
        process.complete(pi, "resolve", Fixtures.SERVICE, UNSUBSTANTIATED);
        process.complete(pi, "callback", Fixtures.SERVICE, Map.of("reached", "REACHED", "satisfaction", 2L));
        assertThat(steps(pi)).containsExactly("supervisorClose");
        assertThat(reload(c).getReopenCount()).isEqualTo(2);
        Task decide = task(c, "supervisorClose");
        assertThat(candidateUsers(decide)).isEmpty();
        assertThat(candidateGroups(decide)).containsExactly("SUPERVISOR");
        process.complete(pi, "supervisorClose", Fixtures.SUPERVISOR, Map.of("supervisorDecision", "已尽力，结案"));
        assertThat(ended(pi)).isTrue();
        Complaint closed = reload(c);
        assertThat(closed.getState()).isEqualTo(ComplaintState.CLOSED);
        assertThat(closed.getCloseReason()).isEqualTo(CloseReason.SUPERVISOR_CLOSED);
        // Resolved last on Thursday 10:00, three days after the registration, within the due date of the second reopening.
        assertThat(figures(c)).isEqualTo(new Figures(90, true, 3 * 24 * 60, true, 2, 2));
    }

    @Test
    void aSubstantiatedComplaintAgainstAManagerCountsInTheAssessmentAndTheSupervisorDecidesTheConsequence() {
        ProcessDriver.at(MONDAY);
        String branch = fixtures.unique("投诉后果");
        CustomerManager m = fixtures.manager(branch, Region.URBAN, Grade.JUNIOR, fixtures.newUser("cmx", Role.MANAGER), Fixtures.SUPERVISOR2);
        Customer customer = customer(Tier.C, m);
        Complaint c = register(customer.getId(), m.getId(), Category.SERVICE_ATTITUDE, Severity.HIGH);
        String pi = c.getProcessInstanceId();
        assertThat(c.getHandlerUserId()).isEqualTo(Fixtures.SUPERVISOR2);
        assertThat(c.getResponsibleManagerId()).isEqualTo(m.getId());
        handle(c, Fixtures.SUPERVISOR2, substantiated());
        process.complete(pi, "callback", Fixtures.SERVICE, Map.of("reached", "REACHED", "satisfaction", 5L));

        // Closed, counted in the assessment, and the supervisor of the manager decides.
        Complaint closed = reload(c);
        assertThat(closed.getState()).isEqualTo(ComplaintState.CLOSED);
        assertThat(closed.getCloseReason()).isEqualTo(CloseReason.SATISFIED);
        assertThat(assessmentComplaints(m)).containsExactly("COMPLAINT-" + c.getId());
        assertThat(fixtures.jdbc().queryForObject("select occurred_on from assessment_complaint where reference = ?", java.sql.Date.class,
                "COMPLAINT-" + c.getId()).toLocalDate()).isEqualTo(LocalDate.of(2032, 3, 8));
        assertThat(steps(pi)).containsExactly("decideConsequence");
        Task decide = task(c, "decideConsequence");
        assertThat(candidateUsers(decide)).containsExactly(Fixtures.SUPERVISOR2);
        assertThat(reassignments(m)).isEmpty();

        process.complete(pi, "decideConsequence", Fixtures.SUPERVISOR2, Map.of("consequence", "CHANGE_CUSTOMERS", "consequenceNote", " 换人服务 "));
        assertThat(ended(pi)).isTrue();
        Complaint decided = reload(c);
        assertThat(decided.getConsequence()).isEqualTo(Consequence.CHANGE_CUSTOMERS);
        assertThat(decided.getConsequenceNote()).isEqualTo("换人服务");
        List<Map<String, Object>> cases = reassignments(m);
        assertThat(cases).hasSize(1);
        Map<String, Object> reassignment = cases.get(0);
        assertThat(reassignment.get("cause")).isEqualTo("SUPERVISOR_DECISION");
        assertThat(reassignment.get("state")).isEqualTo("OPEN");
        assertThat(reassignment.get("deciding_process_instance_id")).isEqualTo(pi);
        assertThat(reassignment.get("process_instance_id")).isNotNull();
        assertThat(fixtures.jdbc().queryForList("select customer_id from customer_reassignment_item where reassignment_id = ?", Long.class,
                ((Number) reassignment.get("id")).longValue())).containsExactly(customer.getId());

        // Another manager, coaching: counted in the assessment, no reassignment.
        CustomerManager m2 = fixtures.manager(branch, Region.URBAN, Grade.JUNIOR, fixtures.newUser("cmy", Role.MANAGER), Fixtures.SUPERVISOR);
        Complaint coached = register(customer(Tier.C, m2).getId(), m2.getId(), Category.SERVICE_ATTITUDE, Severity.MEDIUM);
        handle(coached, Fixtures.SUPERVISOR, substantiated());
        process.complete(coached.getProcessInstanceId(), "callback", Fixtures.SERVICE, Map.of("reached", "UNREACHABLE"));
        assertThat(reload(coached).getCloseReason()).isEqualTo(CloseReason.UNREACHABLE);
        assertThat(assessmentComplaints(m2)).containsExactly("COMPLAINT-" + coached.getId());
        process.complete(coached.getProcessInstanceId(), "decideConsequence", Fixtures.SUPERVISOR,
                Map.of("consequence", "COACHING", "consequenceNote", "辅导"));
        assertThat(reload(coached).getConsequence()).isEqualTo(Consequence.COACHING);
        assertThat(ended(coached.getProcessInstanceId())).isTrue();
        assertThat(reassignments(m2)).isEmpty();

        // Unsubstantiated against that manager: neither counted nor decided.
        Complaint cleared = register(null, m2.getId(), Category.SERVICE_ATTITUDE, Severity.LOW);
        handle(cleared, Fixtures.SUPERVISOR, UNSUBSTANTIATED);
        process.complete(cleared.getProcessInstanceId(), "callback", Fixtures.SERVICE, Map.of("reached", "REACHED", "satisfaction", 3L));
        assertThat(ended(cleared.getProcessInstanceId())).isTrue();
        assertThat(reload(cleared).getConsequence()).isNull();
        assertThat(assessmentComplaints(m2)).containsExactly("COMPLAINT-" + coached.getId());
    }

    /**
     * Reopening resets the escalation level (ComplaintSteps#reopen: "back to the handler with new due dates and the
     * escalation level reset"), so a breach of the new due dates is escalated and recorded again.
     */
    @Test
    void aReopenedComplaintIsEscalatedAgain() {
        ProcessDriver.at(MONDAY);
        Complaint c = register(null, null, Category.OTHER, Severity.CRITICAL);
        String pi = c.getProcessInstanceId();
        ProcessDriver.at(MONDAY.plus(Duration.ofHours(5)));
        process.runJobs(pi);
        assertThat(reload(c).getEscalationLevel()).isEqualTo(1);
        process.complete(pi, "respond", Fixtures.SUPERVISOR, Map.of("firstResponse", "已处理"));
        process.complete(pi, "resolve", Fixtures.SUPERVISOR, UNSUBSTANTIATED);
        process.complete(pi, "callback", Fixtures.SERVICE, Map.of("reached", "REACHED", "satisfaction", 1L));
        Complaint reopened = reload(c);
        assertThat(reopened.getReopenCount()).isEqualTo(1);
        assertThat(reopened.getEscalationLevel()).isZero();
        assertThat(reopened.getFirstResponseDue()).isEqualTo(MONDAY.plus(Duration.ofHours(9)));

        ProcessDriver.at(MONDAY.plus(Duration.ofHours(9)).plusSeconds(60));
        process.runJobs(pi);
        assertThat(reload(c).getEscalationLevel()).isEqualTo(1);
        assertThat(escalations(c)).extracting(ComplaintEscalation::getLevel, ComplaintEscalation::getKind)
                .containsExactly(tuple(1, "FIRST_RESPONSE"), tuple(1, "FIRST_RESPONSE"));
        assertThat(candidateGroups(task(c, "respond"))).contains("SUPERVISOR");
    }

    /**
     * The call-back's answers are the answers of this call-back: after a reopening, "reached" without a
     * satisfaction is refused as the first time, not taken with the satisfaction given the call-back before.
     */
    @Test
    void aReopenedCallBackAsksForTheSatisfactionAgain() {
        ProcessDriver.at(MONDAY);
        Complaint c = register(null, null, Category.OTHER, Severity.LOW);
        String pi = c.getProcessInstanceId();
        handle(c, Fixtures.SERVICE, UNSUBSTANTIATED);
        process.complete(pi, "callback", Fixtures.SERVICE, Map.of("reached", "REACHED", "satisfaction", 2L));
        handle(c, Fixtures.SERVICE, UNSUBSTANTIATED);
        DomainException refused = domain(catchThrowable(() -> process.complete(pi, "callback", Fixtures.SERVICE, Map.of("reached", "REACHED"))));
        assertThat(refused.field()).isEqualTo("satisfaction");
        assertThat(reload(c).getReopenCount()).isEqualTo(1);
        assertThat(steps(pi)).containsExactly("callback");
    }

    /**
     * A resolution is what its form says: resolved again without a compensation after the supervisor
     * rejected one, the complaint has none and needs no approval.
     */
    @Test
    void aResolutionWithoutCompensationAfterARejectionNeedsNoApproval() {
        ProcessDriver.at(MONDAY);
        Complaint c = register(null, null, Category.OTHER, Severity.LOW);
        String pi = c.getProcessInstanceId();
        process.complete(pi, "respond", Fixtures.SERVICE, Map.of("firstResponse", "已受理"));
        process.complete(pi, "resolve", Fixtures.SERVICE, resolution(800L));
        process.complete(pi, "approveCompensation", Fixtures.SUPERVISOR, Map.of("compensationDecision", "REJECT"));
        process.complete(pi, "resolve", Fixtures.SERVICE, UNSUBSTANTIATED);
        assertThat(steps(pi)).containsExactly("callback");
        assertThat(reload(c).getCompensation()).isNull();
    }

    // --- helpers ---

    /** Registers as the service desk, the way the API does with the desk's login. */
    private Complaint register(Long customerId, Long managerId, Category category, Severity severity) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(Fixtures.SERVICE, null,
                List.of(new SimpleGrantedAuthority(Role.SERVICE_DESK.authority()))));
        try {
            return complaints.register(new NewComplaint(customerId, managerId, Channel.PHONE, category, severity, "客户投诉",
                    "王女士", "13800138000"), Fixtures.SERVICE);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** First response and resolution by {@code handler}, without compensation: on to the call-back. */
    private void handle(Complaint c, String handler, Map<String, Object> resolution) {
        process.complete(c.getProcessInstanceId(), "respond", handler, Map.of("firstResponse", "已受理"));
        process.complete(c.getProcessInstanceId(), "resolve", handler, resolution);
        assertThat(steps(c.getProcessInstanceId())).containsExactly("callback");
    }

    private static Map<String, Object> resolution(long compensation) {
        Map<String, Object> values = new HashMap<>(substantiated());
        values.put("rootCause", "BILLING");
        values.put("apology", true);
        values.put("compensation", compensation);
        return values;
    }

    private static Map<String, Object> substantiated() {
        return Map.of("finding", "SUBSTANTIATED", "rootCause", "SERVICE", "resolution", "道歉并改进", "apology", true);
    }

    private Customer customer(Tier tier, CustomerManager manager) {
        Customer customer = fixtures.customer(fixtures.unique("投诉客户"), tier, Region.URBAN);
        fixtures.assign(customer, manager);
        return customer;
    }

    private Complaint reload(Complaint c) {
        return repository.findById(c.getId()).orElseThrow();
    }

    private List<ComplaintEscalation> escalations(Complaint c) {
        return escalations.findByComplaintIdInOrderById(List.of(c.getId()));
    }

    private Task task(Complaint c, String step) {
        Task task = tasks.createTaskQuery().processInstanceId(c.getProcessInstanceId()).taskDefinitionKey(step).singleResult();
        assertThat(task).as("open task " + step).isNotNull();
        return task;
    }

    private List<String> steps(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).list().stream().map(Task::getTaskDefinitionKey).toList();
    }

    private boolean ended(String processInstanceId) {
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0;
    }

    private List<String> candidateUsers(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getUserId() != null).map(l -> l.getUserId()).toList();
    }

    private List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null).map(l -> l.getGroupId()).toList();
    }

    private List<String> assessmentComplaints(CustomerManager m) {
        return fixtures.jdbc().queryForList("select reference from assessment_complaint where manager_id = ? order by id", String.class, m.getId());
    }

    private List<Map<String, Object>> reassignments(CustomerManager m) {
        return fixtures.jdbc().queryForList("select id, cause, state, deciding_process_instance_id, process_instance_id from customer_reassignment"
                + " where manager_id = ? order by id", m.getId());
    }

    /** The figures' columns of a complaint, as the database holds them. */
    private record Figures(Integer firstResponseMinutes, Boolean respondedWithinSla, Integer resolutionMinutes, Boolean resolvedWithinSla,
                           int reopenCount, Integer satisfaction) {
    }

    private Figures figures(Complaint c) {
        return fixtures.jdbc().queryForObject("select first_response_minutes, responded_within_sla, resolution_minutes, resolved_within_sla,"
                + " reopen_count, satisfaction from complaint where id = ?", (rs, n) -> new Figures(rs.getObject(1, Integer.class),
                rs.getObject(2, Boolean.class), rs.getObject(3, Integer.class), rs.getObject(4, Boolean.class), rs.getInt(5),
                rs.getObject(6, Integer.class)), c.getId());
    }

    /** The classified refusal a call ends in, wherever the engine wrapped it. */
    private static DomainException domain(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof DomainException d) {
                return d;
            }
        }
        throw new AssertionError("no classified refusal", thrown);
    }
}
