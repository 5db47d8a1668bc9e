package com.hongda.cms.complaint;

import com.hongda.cms.branch.Branches;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.Texts;
import com.hongda.cms.customer.Customer;
import com.hongda.cms.customer.CustomerService;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.security.CurrentUser;
import com.hongda.cms.security.Directory;
import com.hongda.cms.security.Role;
import com.hongda.cms.workflow.CaseStarter;
import com.hongda.cms.workflow.Subject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers complaints, re-routes them and links them to their customer once known
 * (docs/rules.md#complaints). The complaint row and its process commit or roll back together.
 */
@Service
public class Complaints {

    static final String PROCESS = "complaint-handling";
    static final String SUBJECT = "COMPLAINT";

    private final ComplaintRepository complaints;
    private final ComplaintRouteRepository routes;
    private final CustomerService customers;
    private final ManagerService managers;
    private final Branches branches;
    private final Directory directory;
    private final CaseStarter starter;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ComplaintProperties properties;
    private final Clock clock;

    Complaints(ComplaintRepository complaints, ComplaintRouteRepository routes, CustomerService customers, ManagerService managers,
               Branches branches, Directory directory, CaseStarter starter, RuntimeService runtime, TaskService tasks,
               ComplaintProperties properties, Clock clock) {
        this.complaints = complaints;
        this.routes = routes;
        this.customers = customers;
        this.managers = managers;
        this.branches = branches;
        this.directory = directory;
        this.starter = starter;
        this.runtime = runtime;
        this.tasks = tasks;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Registers a complaint and starts its handling. The service desk (and ADMIN) registers any; a
     * manager only about a customer of their own (else NOT_FOUND, as for a customer they may not see),
     * never about themselves. The customer's current manager is responsible; the supervisor who approves
     * and decides is the supervisor of the manager complained about, else of the responsible manager.
     */
    @Transactional
    public Complaint register(NewComplaint in, String actor) {
        Customer customer = in.customerId() == null ? null : customers.byIds(List.of(in.customerId())).get(in.customerId());
        if (in.customerId() != null && customer == null) {
            throw DomainException.notFound("input.customerId", "customer", in.customerId());
        }
        CustomerManager about = in.managerId() == null ? null : managers.find(in.managerId())
                .orElseThrow(() -> DomainException.notFound("input.managerId", "manager", in.managerId()));
        if (!CurrentUser.hasAnyRole(Role.SERVICE_DESK, Role.ADMIN)) {
            CustomerManager me = managers.findByUser(actor).orElse(null);
            if (customer == null || me == null || !me.getId().equals(customer.getManagerId())) {
                throw DomainException.notFound("input.customerId", "customer", in.customerId() == null ? "" : in.customerId());
            }
            if (about != null && about.getId().equals(me.getId())) {
                throw DomainException.badRequest("input.managerId", "ABOUT_ONESELF", "error.complaint.aboutOneself");
            }
        }
        CustomerManager responsible = customer == null || customer.getManagerId() == null ? about
                : managers.find(customer.getManagerId()).orElse(about);
        Long branch = responsible != null ? responsible.getBranchId() : about == null ? null : about.getBranchId();
        String tier = customer == null ? null : customer.getTier().name();
        Instant now = clock.instant();
        Complaint c = complaints.saveAndFlush(new Complaint(in, responsible == null ? null : responsible.getId(), branch, tier, actor, now));
        CustomerManager supervised = about != null ? about : responsible;
        Map<String, Object> vars = new HashMap<>();
        vars.put("complaintId", c.getId());
        vars.put("category", in.category().name());
        vars.put("severity", in.severity().name());
        vars.put("tier", tier);
        vars.put("aboutManager", about != null);
        vars.put("handlerUser", responsible == null ? null : responsible.getUserId());
        vars.put("supervisorId", supervised == null ? null : supervised.getSupervisorUserId());
        vars.put("approvalWorkingDays", properties.approvalWorkingDays());
        c.startedAs(starter.start(PROCESS, SUBJECT, new Subject(SUBJECT, String.valueOf(c.getId())), vars).getId());
        return c;
    }

    /**
     * The service desk re-routes an open complaint to a person (who must exist and be enabled) or a
     * group (a role), with a reason: the open tasks go to the new handler at once, the due dates stay.
     */
    @Transactional
    public Complaint reroute(long id, String handlerUserId, Role group, String reason, String actor) {
        Complaint c = open(id);
        String why = Texts.blankToNull(reason);
        if (why == null) {
            throw DomainException.badRequest("input.reason", "REQUIRED", "error.complaint.reasonRequired");
        }
        if ((handlerUserId == null) == (group == null)) {
            throw DomainException.badRequest("input.handlerUserId", "ONE_OF", "error.complaint.handlerOrGroup");
        }
        if (handlerUserId != null && (!directory.exists(handlerUserId) || !directory.isEnabled(handlerUserId))) {
            throw DomainException.badRequest("input.handlerUserId", "PERSON_NOT_FOUND", "error.complaint.handlerUnknown");
        }
        String groupName = group == null ? "SERVICE_DESK" : group.name();
        Instant now = clock.instant();
        c.rerouted(groupName, handlerUserId, now);
        routes.save(new ComplaintRoute(id, groupName, handlerUserId, why, actor, now));
        runtime.setVariable(c.getProcessInstanceId(), "handlerUser", handlerUserId);
        runtime.setVariable(c.getProcessInstanceId(), "handlerGroup", groupName);
        for (Task task : tasks.createTaskQuery().processInstanceId(c.getProcessInstanceId()).taskDefinitionKeyIn("respond", "resolve").list()) {
            tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType())).forEach(l -> {
                if (l.getUserId() != null) {
                    tasks.deleteCandidateUser(task.getId(), l.getUserId());
                } else {
                    tasks.deleteCandidateGroup(task.getId(), l.getGroupId());
                }
            });
            tasks.setAssignee(task.getId(), null);
            if (handlerUserId != null) {
                tasks.addCandidateUser(task.getId(), handlerUserId);
            } else {
                tasks.addCandidateGroup(task.getId(), groupName);
            }
        }
        return c;
    }

    /** The service desk links a complaint registered without its customer: tier, responsible manager and branch follow. */
    @Transactional
    public Complaint link(long id, long customerId) {
        Complaint c = open(id);
        if (c.getCustomerId() != null) {
            throw DomainException.conflict("input.complaintId", "ALREADY_LINKED", "error.complaint.alreadyLinked");
        }
        Customer customer = customers.byIds(List.of(customerId)).get(customerId);
        if (customer == null) {
            throw DomainException.notFound("input.customerId", "customer", customerId);
        }
        Long responsible = customer.getManagerId() != null ? customer.getManagerId() : c.getResponsibleManagerId();
        Long branch = responsible == null ? c.getBranchId() : managers.find(responsible).map(CustomerManager::getBranchId).orElse(c.getBranchId());
        c.linked(customerId, customer.getTier().name(), responsible, branch, clock.instant());
        return c;
    }

    /** The open complaint, its row locked until the transaction ends. */
    private Complaint open(long id) {
        Complaint c = complaints.findByIdForUpdate(id).orElseThrow(() -> DomainException.notFound("input.complaintId", "complaint", id));
        if (c.getState() == ComplaintState.CLOSED) {
            throw DomainException.conflict("input.complaintId", "COMPLAINT_CLOSED", "error.complaint.closed");
        }
        return c;
    }

    /** The branch head of the complaint's branch, if any: notified at level 2. */
    String branchHead(Complaint c) {
        return c.getBranchId() == null ? null : branches.find(c.getBranchId()).map(b -> b.getHeadUserId()).orElse(null);
    }
}
