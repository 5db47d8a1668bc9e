package com.hongda.cms.prospect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.ErrorType;
import com.hongda.cms.common.Region;
import com.hongda.cms.customer.Contact;
import com.hongda.cms.customer.CustomerService;
import com.hongda.cms.customer.CustomerType;
import com.hongda.cms.customer.Industry;
import com.hongda.cms.customer.Tier;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.security.Role;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.IntegrationTest;
import com.hongda.cms.support.ProcessCoverage;
import com.hongda.cms.support.ProcessDriver;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The follow-up model ({@code bpmn/prospect-follow-up.bpmn}) and its table ({@code bpmn/prospect-follow-up.dmn}) on
 * the real engine: the deadline by class; past it (the clock moved, the jobs run) the lead's task; extended once and
 * refused the second time; reassigned to a supervised, active manager with the wait started again; won (a customer
 * assigned to the manager; a grade that may not own the tier refuses and writes nothing) and lost, before the
 * deadline and while the lead decides. Clocks stay between 2030 and 2037.
 */
class ProspectProcessTest extends IntegrationTest {

    @RegisterExtension
    static final ProcessCoverage.Check COVERAGE = ProcessCoverage.of("prospect-follow-up", 0.9);

    private static final Instant T0 = Instant.parse("2033-04-04T02:00:00Z");

    @Autowired
    ProcessDriver process;

    @Autowired
    Prospects prospects;

    @Autowired
    ProspectRepository repository;

    @Autowired
    CustomerService customers;

    @Autowired
    DecisionService decisions;

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
    void theTableGivesTheDaysOfEachClassAndTheDeadlineFollows() {
        assertThat(days("A")).isEqualTo(7);
        assertThat(days("B")).isEqualTo(15);
        assertThat(days("C")).isEqualTo(30);
        ProcessDriver.at(T0);
        CustomerManager m = manager(Grade.SENIOR, Fixtures.SUPERVISOR);
        for (FollowUpClass c : FollowUpClass.values()) {
            Prospect p = register(m, c, "1000");
            assertThat(p.getDeadline()).isEqualTo(T0.plus(Duration.ofDays(days(c.name()))));
            assertThat(p.getState()).isEqualTo(ProspectState.FOLLOWING);
            assertThat(steps(p)).isEmpty();
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("PROSPECT-" + p.getId()).count()).isOne();
        }
    }

    @Test
    void pastTheDeadlineTheLeadExtendsOnceIsRefusedTheSecondTimeAndReassigns() {
        ProcessDriver.at(T0);
        CustomerManager m = manager(Grade.SENIOR, Fixtures.SUPERVISOR);
        CustomerManager other = manager(Grade.INTERMEDIATE, Fixtures.SUPERVISOR);
        CustomerManager notSupervised = manager(Grade.INTERMEDIATE, Fixtures.SUPERVISOR2);
        Prospect p = register(m, FollowUpClass.A, "1000");
        String pi = p.getProcessInstanceId();

        // A minute before the deadline nothing happens; a minute after, the manager's supervisor gets the task.
        ProcessDriver.at(T0.plus(Duration.ofDays(7)).minusSeconds(60));
        process.runJobs(pi);
        assertThat(steps(p)).isEmpty();
        ProcessDriver.at(T0.plus(Duration.ofDays(7)).plusSeconds(60));
        process.runJobs(pi);
        Task lead = process.task(pi, "leadDecides", Fixtures.SUPERVISOR);
        assertThat(candidates(lead, true)).containsExactly(Fixtures.SUPERVISOR);
        assertThat(candidates(lead, false)).isEmpty();
        assertThat(overdue()).contains(p.getId());

        // Extended: the class's days again from the decision.
        Instant extendedAt = T0.plus(Duration.ofDays(8));
        ProcessDriver.at(extendedAt);
        process.complete(pi, "leadDecides", Fixtures.SUPERVISOR, Map.of("decision", "EXTEND"));
        Prospect extended = reload(p);
        assertThat(extended.isExtended()).isTrue();
        assertThat(extended.getDeadline()).isEqualTo(extendedAt.plus(Duration.ofDays(7)));
        assertThat(steps(p)).isEmpty();

        // Past the new deadline: the task again; a second extension is refused naming the form's field, nothing written.
        ProcessDriver.at(extendedAt.plus(Duration.ofDays(7)).plusSeconds(60));
        process.runJobs(pi);
        DomainException twice = domain(catchThrowable(() ->
                process.complete(pi, "leadDecides", Fixtures.SUPERVISOR, Map.of("decision", "EXTEND"))));
        assertThat(twice.type()).isEqualTo(ErrorType.BAD_REQUEST);
        assertThat(twice.field()).isEqualTo("decision");
        assertThat(twice.rule()).isEqualTo("EXTENDED_ONCE");
        assertThat(reload(p).getDeadline()).isEqualTo(extendedAt.plus(Duration.ofDays(7)));
        assertThat(steps(p)).containsExactly("leadDecides");

        // Reassigning needs a manager, ACTIVE, another one, whom the lead supervises.
        assertRefused(() -> process.complete(pi, "leadDecides", Fixtures.SUPERVISOR, Map.of("decision", "REASSIGN")), "newManager", "REQUIRED");
        assertRefused(() -> process.complete(pi, "leadDecides", Fixtures.SUPERVISOR, Map.of("decision", "REASSIGN",
                "newManager", m.getUserId())), "newManager", "DIFFERENT_MANAGER");
        assertRefused(() -> process.complete(pi, "leadDecides", Fixtures.SUPERVISOR, Map.of("decision", "REASSIGN",
                "newManager", notSupervised.getUserId())), "newManager", "NOT_SUPERVISED");
        String trainee = fixtures.newUser("ptr", Role.MANAGER);
        fixtures.manager(fixtures.unique("潜客"), Region.URBAN, Grade.TRAINEE, trainee, Fixtures.SUPERVISOR);
        assertRefused(() -> process.complete(pi, "leadDecides", Fixtures.SUPERVISOR, Map.of("decision", "REASSIGN",
                "newManager", trainee)), "newManager", "MANAGER_MUST_BE_ACTIVE");
        assertThat(reload(p).getManagerId()).isEqualTo(m.getId());

        Instant movedAt = extendedAt.plus(Duration.ofDays(8));
        ProcessDriver.at(movedAt);
        process.complete(pi, "leadDecides", Fixtures.SUPERVISOR, Map.of("decision", "REASSIGN", "newManager", other.getUserId()));
        Prospect moved = reload(p);
        assertThat(moved.getManagerId()).isEqualTo(other.getId());
        assertThat(moved.getDeadline()).isEqualTo(movedAt.plus(Duration.ofDays(7)));
        assertThat(steps(p)).isEmpty();
        assertThat(runtime.getVariable(pi, "newManager")).as("the decision's manager is not kept for the next one").isNull();

        // The new manager wins it in time: the process ends.
        ProcessDriver.at(movedAt.plus(Duration.ofDays(1)));
        Prospect won = as(other.getUserId(), () -> prospects.close(p.getId(), ProspectResult.WON, null, other.getUserId()), Role.MANAGER);
        assertThat(won.getState()).isEqualTo(ProspectState.WON);
        assertThat(customers.byIds(List.of(won.getCustomerId())).get(won.getCustomerId()).getManagerId()).isEqualTo(other.getId());
        assertThat(ended(pi)).isTrue();
    }

    @Test
    void wonBecomesACustomerOfTheTierTableAssignedToTheManager() {
        ProcessDriver.at(T0);
        CustomerManager m = manager(Grade.SENIOR, Fixtures.SUPERVISOR);
        Prospect p = register(m, FollowUpClass.B, "600000");
        Prospect won = as(m.getUserId(), () -> prospects.close(p.getId(), ProspectResult.WON, "签约", m.getUserId()), Role.MANAGER);
        var customer = customers.byIds(List.of(won.getCustomerId())).get(won.getCustomerId());
        assertThat(customer.getName()).isEqualTo(p.getName());
        assertThat(customer.getTier()).isEqualTo(Tier.A1);
        assertThat(customer.getManagerId()).isEqualTo(m.getId());
        assertThat(fixtures.jdbc().queryForObject("select count(*) from customer_assignment where customer_id = ? and manager_id = ? and ended_at is null",
                Long.class, customer.getId(), m.getId())).isOne();
        assertThat(fixtures.jdbc().queryForObject("select phone from customer_contact where customer_id = ?", String.class, customer.getId()))
                .isEqualTo("13912345678");
        assertThat(won.getClosedBy()).isEqualTo(m.getUserId());
        assertThat(ended(p.getProcessInstanceId())).isTrue();
        // Closed once: a second result is refused.
        assertRefused(() -> as(m.getUserId(), () -> prospects.close(p.getId(), ProspectResult.LOST, "x", m.getUserId()), Role.MANAGER),
                "input.prospectId", "PROSPECT_CLOSED");
    }

    @Test
    void aGradeThatMayNotOwnTheTierRefusesTheWinAndNothingIsWritten() {
        ProcessDriver.at(T0);
        CustomerManager junior = manager(Grade.JUNIOR, Fixtures.SUPERVISOR);
        Prospect p = register(junior, FollowUpClass.A, "600000");
        long customersBefore = fixtures.jdbc().queryForObject("select count(*) from customer", Long.class);
        DomainException refused = domain(catchThrowable(() ->
                as(junior.getUserId(), () -> prospects.close(p.getId(), ProspectResult.WON, null, junior.getUserId()), Role.MANAGER)));
        assertThat(refused.type()).isEqualTo(ErrorType.BAD_REQUEST);
        assertThat(refused.rule()).isEqualTo("GRADE_ALLOWS_TIER");
        assertThat(refused.field()).isEqualTo("input.result");
        assertThat(fixtures.jdbc().queryForObject("select count(*) from customer where name = ?", Long.class, p.getName())).isZero();
        assertThat(fixtures.jdbc().queryForObject("select count(*) from customer", Long.class)).isEqualTo(customersBefore);
        Prospect still = reload(p);
        assertThat(still.getState()).isEqualTo(ProspectState.FOLLOWING);
        assertThat(still.getCustomerId()).isNull();
        assertThat(ended(p.getProcessInstanceId())).isFalse();
    }

    @Test
    void lostNeedsAReasonAndEndsTheProcessWhileTheLeadDecides() {
        ProcessDriver.at(T0);
        CustomerManager m = manager(Grade.SENIOR, Fixtures.SUPERVISOR2);
        Prospect p = register(m, FollowUpClass.C, "1000");
        ProcessDriver.at(T0.plus(Duration.ofDays(31)));
        process.runJobs(p.getProcessInstanceId());
        assertThat(candidates(process.task(p.getProcessInstanceId(), "leadDecides", Fixtures.SUPERVISOR2), true))
                .containsExactly(Fixtures.SUPERVISOR2);

        assertRefused(() -> as(m.getUserId(), () -> prospects.close(p.getId(), ProspectResult.LOST, null, m.getUserId()), Role.MANAGER),
                "input.reason", "REQUIRED");
        Prospect lost = as(m.getUserId(), () -> prospects.close(p.getId(), ProspectResult.LOST, "预算不足", m.getUserId()), Role.MANAGER);
        assertThat(lost.getState()).isEqualTo(ProspectState.LOST);
        assertThat(lost.getResultReason()).isEqualTo("预算不足");
        assertThat(lost.getCustomerId()).isNull();
        assertThat(ended(p.getProcessInstanceId())).isTrue();
        assertThat(tasks.createTaskQuery().processInstanceId(p.getProcessInstanceId()).count()).isZero();
    }

    @Test
    void withoutANamedSupervisorTheSupervisorGroupLeads() {
        ProcessDriver.at(T0);
        CustomerManager m = fixtures.manager(fixtures.unique("无主管"), Region.URBAN, Grade.SENIOR, fixtures.newUser("pns", Role.MANAGER), null);
        Prospect p = register(m, FollowUpClass.A, "1000");
        ProcessDriver.at(T0.plus(Duration.ofDays(8)));
        process.runJobs(p.getProcessInstanceId());
        Task lead = tasks.createTaskQuery().processInstanceId(p.getProcessInstanceId()).taskDefinitionKey("leadDecides").singleResult();
        assertThat(candidates(lead, true)).isEmpty();
        assertThat(candidates(lead, false)).containsExactly("SUPERVISOR");
    }

    // ---------------------------------------------------------------- helpers

    private int days(String followUpClass) {
        Object days = decisions.evaluateDecisionByKey("prospect-follow-up")
                .variables(Variables.createVariables().putValue("followUpClass", followUpClass)).evaluate().getSingleResult().getSingleEntry();
        return ((Number) days).intValue();
    }

    private CustomerManager manager(Grade grade, String supervisor) {
        return fixtures.manager(fixtures.unique("潜客"), Region.URBAN, grade, fixtures.newUser("pm", Role.MANAGER), supervisor);
    }

    private Prospect register(CustomerManager m, FollowUpClass c, String revenue) {
        NewProspect in = new NewProspect(fixtures.unique("潜在客户"), CustomerType.ENTERPRISE, Industry.OTHER, Region.URBAN, 10,
                new BigDecimal(revenue), List.of(new Contact("联系人", "经理", "13912345678", "boss@example.com")), c, null);
        return as(m.getUserId(), () -> prospects.register(in, m.getUserId()), Role.MANAGER);
    }

    private static <T> T as(String user, Supplier<T> call, Role... roles) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
        try {
            return call.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private List<Long> overdue() {
        return as(Fixtures.ADMIN, () -> prospects.page(new Prospects.Filter(null, null, true), new com.hongda.cms.common.PageArgs(100, null, null, null)),
                Role.ADMIN).getNodes().stream().map(Prospect::getId).toList();
    }

    private Prospect reload(Prospect p) {
        return repository.findById(p.getId()).orElseThrow();
    }

    private List<String> steps(Prospect p) {
        return tasks.createTaskQuery().processInstanceId(p.getProcessInstanceId()).list().stream().map(Task::getTaskDefinitionKey).toList();
    }

    private boolean ended(String pi) {
        return runtime.createProcessInstanceQuery().processInstanceId(pi).count() == 0;
    }

    private List<String> candidates(Task task, boolean users) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                .map(users ? IdentityLink::getUserId : IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
    }

    private static void assertRefused(Runnable call, String field, String rule) {
        DomainException refused = domain(catchThrowable(call::run));
        assertThat(refused.field()).isEqualTo(field);
        assertThat(refused.rule()).isEqualTo(rule);
    }

    private static DomainException domain(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof DomainException d) {
                return d;
            }
        }
        throw new AssertionError("no classified refusal", thrown);
    }
}
