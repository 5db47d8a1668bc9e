package com.hongda.cms.complaint;

import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.Texts;
import com.hongda.cms.customer.ReassignmentCause;
import com.hongda.cms.customer.Reassignments;
import com.hongda.cms.manager.SubstantiatedComplaint;
import com.hongda.cms.workflow.DecidedBy;
import com.hongda.cms.workflow.TaskReminder;
import com.hongda.cms.workflow.WorkingCalendar;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the steps of bpmn/complaint-handling.bpmn do to the complaint, in the engine's transaction:
 * triage and due dates, the first response, escalation, the resolution, the compensation's approval,
 * the call-back, reopening, closing and the consequence for the manager.
 */
@Component
class ComplaintSteps {

    private final ComplaintRepository complaints;
    private final ComplaintEscalationRepository escalations;
    private final Complaints service;
    private final Reassignments reassignments;
    private final WorkingCalendar calendar;
    private final TaskReminder reminder;
    private final IdentityService identity;
    private final ApplicationEventPublisher events;
    private final ComplaintProperties properties;
    private final Clock clock;

    ComplaintSteps(ComplaintRepository complaints, ComplaintEscalationRepository escalations, Complaints service, Reassignments reassignments,
                   WorkingCalendar calendar, TaskReminder reminder, IdentityService identity,
                   ApplicationEventPublisher events, ComplaintProperties properties, Clock clock) {
        this.complaints = complaints;
        this.escalations = escalations;
        this.service = service;
        this.reassignments = reassignments;
        this.calendar = calendar;
        this.reminder = reminder;
        this.identity = identity;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * After the routing table: the handler (the responsible manager for MANAGER, the supervisor for
     * SUPERVISOR, with the queue's group where there is no person) and the due dates.
     */
    @Transactional
    public void triage(DelegateExecution execution) {
        Complaint c = complaint(execution);
        @SuppressWarnings("unchecked")
        Map<String, Object> route = (Map<String, Object>) execution.getVariable("route");
        String queue = (String) route.get("queue");
        String handler = switch (queue) {
            case "MANAGER" -> (String) execution.getVariable("handlerUser");
            case "SUPERVISOR" -> (String) execution.getVariable("supervisorId");
            default -> null;
        };
        String group = "MANAGER".equals(queue) ? "SERVICE_DESK" : queue;
        execution.setVariable("handlerUser", handler);
        execution.setVariable("handlerGroup", group);
        execution.setVariable("firstResponseHours", ((Number) route.get("firstResponseHours")).intValue());
        execution.setVariable("resolutionHours", ((Number) route.get("resolutionHours")).intValue());
        execution.setVariable("slaClock", route.get("clock"));
        Dues d = dues(execution);
        c.routed(group, handler, (String) route.get("clock"), d.response(), d.resolution(), clock.instant());
    }

    /** The due dates from now, with the warnings and the levels, as process variables. */
    private Dues dues(DelegateExecution execution) {
        Instant now = clock.instant();
        boolean workingDays = "WORKING_DAYS".equals(execution.getVariable("slaClock"));
        Date response = calendar.addHours(Date.from(now), ((Number) execution.getVariable("firstResponseHours")).intValue(), workingDays);
        Date resolution = calendar.addHours(Date.from(now), ((Number) execution.getVariable("resolutionHours")).intValue(), workingDays);
        execution.setVariable("firstResponseDue", response);
        execution.setVariable("resolutionDue", resolution);
        execution.setVariable("firstResponseWarn", warn(now, response));
        execution.setVariable("resolutionWarn", warn(now, resolution));
        execution.setVariable("level2At", Date.from(response.toInstant().plus(properties.escalation().level2After())));
        execution.setVariable("level3At", Date.from(response.toInstant().plus(properties.escalation().level3After())));
        return new Dues(response.toInstant(), resolution.toInstant());
    }

    private record Dues(Instant response, Instant resolution) {
    }

    private Date warn(Instant from, Date due) {
        long millis = due.getTime() - from.toEpochMilli();
        return new Date(from.toEpochMilli() + millis * properties.warnAtPercent() / 100);
    }

    @Transactional
    public void respond(DelegateTask task) {
        complaint(task.getExecution()).responded(((String) task.getVariable("firstResponse")).strip(), DecidedBy.actor(identity, task),
                clock.instant());
    }

    /**
     * An escalation (the model's inputs {@code level}, {@code kind}): once per level (a level reached
     * already is not notified again); the open tasks are raised to {@code 60 + 10 × level} and the
     * notified become their candidates — level 1 the supervisor, level 2 the branch head and the level-2
     * group, level 3 the level-3 group — and the escalation is recorded with its time.
     */
    @Transactional
    public void escalate(DelegateExecution execution) {
        Complaint c = complaint(execution);
        int level = Integer.parseInt(String.valueOf(execution.getVariableLocal("level")));
        Instant now = clock.instant();
        if (!c.escalateTo(level, now)) {
            return;
        }
        List<String> users = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        switch (level) {
            case 1 -> {
                String supervisor = (String) execution.getVariable("supervisorId");
                if (supervisor != null) {
                    users.add(supervisor);
                } else {
                    groups.add("SUPERVISOR");
                }
            }
            case 2 -> {
                String head = service.branchHead(c);
                if (head != null) {
                    users.add(head);
                }
                groups.add(properties.escalation().level2Group());
            }
            default -> groups.add(properties.escalation().level3Group());
        }
        reminder.escalate(execution.getProcessInstanceId(), 60 + 10 * level, users, groups);
        List<String> notified = new ArrayList<>();
        users.forEach(u -> notified.add("user:" + u));
        groups.forEach(g -> notified.add("group:" + g));
        escalations.save(new ComplaintEscalation(c.getId(), level, String.valueOf(execution.getVariableLocal("kind")), now,
                String.join(",", notified)));
    }

    /** "Investigate and resolve": the finding and the resolution; compensation above the limit waits for approval. */
    @Transactional
    public void resolve(DelegateTask task) {
        BigDecimal compensation = task.getVariable("compensation") == null ? null
                : new BigDecimal(String.valueOf(task.getVariable("compensation")));
        complaint(task.getExecution()).resolved(Finding.valueOf((String) task.getVariable("finding")),
                RootCause.valueOf((String) task.getVariable("rootCause")), ((String) task.getVariable("resolution")).strip(),
                (Boolean) task.getVariable("apology"), compensation, DecidedBy.actor(identity, task), clock.instant());
        task.getExecution().setVariable("compensationNeedsApproval",
                compensation != null && compensation.compareTo(properties.compensationApprovalAbove()) > 0);
    }

    /** "Approve the compensation": approved, or back to the handler. */
    @Transactional
    public void approval(DelegateTask task) {
        if ("APPROVE".equals(task.getVariable("compensationDecision"))) {
            complaint(task.getExecution()).compensationApproved(DecidedBy.actor(identity, task), clock.instant());
        } else {
            // Back to the handler: a compensation left empty this time must not be the refused one.
            task.getExecution().removeVariables(RESOLUTION_EXTRAS);
        }
    }

    /** The call-back begins: the complaint waits for the service desk. */
    @Transactional
    public void awaitCallback(DelegateExecution execution) {
        // A form's empty optional fields are not set: an earlier call-back's answers must not stand in for them.
        execution.removeVariables(List.of("reached", "satisfaction", "callbackComment"));
        complaint(execution).toCallback(clock.instant());
    }

    /** The call-back's due date: {@code cms.complaint.callback-days} calendar days from now. */
    public Date callbackDue() {
        return Date.from(clock.instant().plus(java.time.Duration.ofDays(properties.callbackDays())));
    }

    /**
     * "Inform and call back": unreachable, or reached with a satisfaction (required then). Satisfied
     * closes; dissatisfied reopens, unless the complaint was reopened the most times already, when the
     * supervisor decides.
     */
    @Transactional
    public void callback(DelegateTask task) {
        Complaint c = complaint(task.getExecution());
        String by = DecidedBy.actor(identity, task);
        String comment = Texts.blankToNull((String) task.getVariable("callbackComment"));
        var execution = task.getExecution();
        if ("UNREACHABLE".equals(task.getVariable("reached"))) {
            c.calledBack(null, comment, by, clock.instant());
            execution.setVariable("callbackOutcome", "CLOSE");
            execution.setVariable("closeReason", CloseReason.UNREACHABLE.name());
            return;
        }
        if (!(task.getVariable("satisfaction") instanceof Number satisfaction)) {
            throw DomainException.badRequest("satisfaction", "REQUIRED", "error.complaint.satisfactionRequired");
        }
        c.calledBack(satisfaction.intValue(), comment, by, clock.instant());
        if (satisfaction.intValue() >= properties.satisfiedFrom()) {
            execution.setVariable("callbackOutcome", "CLOSE");
            execution.setVariable("closeReason", CloseReason.SATISFIED.name());
        } else if (c.getReopenCount() < properties.maxReopenings()) {
            execution.setVariable("callbackOutcome", "REOPEN");
        } else {
            execution.setVariable("callbackOutcome", "SUPERVISOR");
            execution.setVariable("closeReason", CloseReason.SUPERVISOR_CLOSED.name());
        }
    }

    /** Nobody answered in time. */
    @Transactional
    public void unreachable(DelegateExecution execution) {
        execution.setVariable("closeReason", CloseReason.UNREACHABLE.name());
    }

    /** Dissatisfied: back to the handler with new due dates and the escalation level reset. */
    @Transactional
    public void reopen(DelegateExecution execution) {
        execution.removeVariables(RESOLUTION_EXTRAS);
        Complaint c = complaint(execution);
        Dues d = dues(execution);
        c.reopened(d.response(), d.resolution(), clock.instant());
    }

    /**
     * Closed, with the reason; a substantiated complaint against a manager is reported to assessment
     * (an event, in this transaction) and the supervisor decides the consequence next.
     */
    @Transactional
    public void close(DelegateExecution execution) {
        Complaint c = complaint(execution);
        Instant now = clock.instant();
        c.closed(CloseReason.valueOf((String) execution.getVariable("closeReason")), now);
        boolean against = c.substantiatedAgainstManager();
        if (against) {
            events.publishEvent(new SubstantiatedComplaint(c.againstManagerId(), LocalDate.ofInstant(c.getRegisteredAt(), calendar.zone()),
                    SUBJECT_KEY + c.getId()));
        }
        execution.setVariable("consequenceDue", against);
    }

    private static final String SUBJECT_KEY = "COMPLAINT-";

    /** The resolution's optional fields, cleared before the handler resolves again. */
    private static final List<String> RESOLUTION_EXTRAS = List.of("compensation", "apology");

    /** The supervisor's consequence; a change of customers opens a reassignment of the complaint's customer. */
    @Transactional
    public void consequence(DelegateTask task) {
        Complaint c = complaint(task.getExecution());
        Consequence consequence = Consequence.valueOf((String) task.getVariable("consequence"));
        c.consequence(consequence, ((String) task.getVariable("consequenceNote")).strip(), clock.instant());
        if (consequence == Consequence.CHANGE_CUSTOMERS && c.getCustomerId() != null) {
            reassignments.openFor(c.againstManagerId(), List.of(c.getCustomerId()), ReassignmentCause.SUPERVISOR_DECISION,
                    task.getProcessInstanceId());
        }
    }

    private Complaint complaint(DelegateExecution execution) {
        long id = ((Number) execution.getVariable("complaintId")).longValue();
        return complaints.findById(id).orElseThrow(() -> new IllegalStateException("no complaint " + id));
    }
}
