package com.hongda.cms.customer;

import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.ErrorType;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.common.Paging;
import com.hongda.cms.common.Specs;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.manager.GradeChanged;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.security.CurrentUser;
import com.hongda.cms.security.Role;
import com.hongda.cms.workflow.CaseStarter;
import com.hongda.cms.workflow.Subject;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reassignment cases (docs/rules.md#customer-reassignment): a demoted manager's customers that their new
 * grade may not own are listed in a case the moment the grade changes, and handed to other managers
 * through the supervisor's task, never silently. Cases are visible to the manager's supervisors, HR,
 * AUDITOR and ADMIN; a SUPERVISOR of the manager or an ADMIN moves the customers, each move under the
 * assignment rules of {@link AssignmentService}.
 */
@Service
public class Reassignments {

    static final String PROCESS = "customer-reassignment";
    static final String CASE_TYPE = "REASSIGNMENT";
    static final String TASK = "reassignCustomers";
    static final String ID_VARIABLE = "reassignmentId";
    /** How many managers an item suggests at most. */
    static final int SUGGESTIONS = 5;

    private final ReassignmentRepository cases;
    private final ReassignmentItemRepository items;
    private final AssignmentRepository assignmentHistory;
    private final AssignmentService assignments;
    private final CustomerService customers;
    private final ManagerService managers;
    private final AssignmentPolicy policy;
    private final ReassignmentProperties properties;
    private final CaseStarter starter;
    private final TaskService tasks;
    private final Paging paging;
    private final Clock clock;
    private final com.hongda.cms.workflow.WorkingCalendar calendar;
    private final com.hongda.cms.workflow.TaskReminder reminder;
    private final com.hongda.cms.branch.Branches branches;

    Reassignments(ReassignmentRepository cases, ReassignmentItemRepository items, AssignmentRepository assignmentHistory,
                  AssignmentService assignments, CustomerService customers, ManagerService managers, AssignmentPolicy policy,
                  ReassignmentProperties properties, CaseStarter starter, TaskService tasks, Paging paging, Clock clock,
                  com.hongda.cms.workflow.WorkingCalendar calendar, com.hongda.cms.workflow.TaskReminder reminder,
                  com.hongda.cms.branch.Branches branches) {
        this.calendar = calendar;
        this.reminder = reminder;
        this.branches = branches;
        this.cases = cases;
        this.items = items;
        this.assignmentHistory = assignmentHistory;
        this.assignments = assignments;
        this.customers = customers;
        this.managers = managers;
        this.policy = policy;
        this.properties = properties;
        this.starter = starter;
        this.tasks = tasks;
        this.paging = paging;
        this.clock = clock;
    }

    /**
     * A manager's grade changed, in the transaction of the change: after a demotion, the customers the new
     * grade may not own are listed in a case (none: no case), so the demotion and the case commit or roll
     * back together.
     */
    @EventListener
    @Transactional
    public void on(GradeChanged changed) {
        if (changed.isDemotion()) {
            open(changed.managerId(), ReassignmentCause.DEMOTION, changed.before(), changed.after(), changed.processInstanceId());
        }
    }

    /**
     * Opens a case for the manager's customers whose tier {@code grade} does not allow, leaving out those an
     * open case lists already, and starts its process: the supervisor's task (the named supervisor, else the
     * SUPERVISOR group), due in {@code cms.customer.reassignment-working-days} working days.
     */
    Optional<CustomerReassignment> open(long managerId, ReassignmentCause cause, Grade before, Grade grade, String decidedIn) {
        Set<Tier> refused = EnumSet.allOf(Tier.class);
        refused.removeIf(tier -> policy.allows(grade, tier));
        return open(managerId, cause, before, grade, decidedIn, refused.isEmpty() ? List.of() : items.unlisted(managerId, refused));
    }

    /**
     * A supervisor's decision elsewhere (after a substantiated complaint, say) that these customers go to
     * another manager: a case of {@code cause} for those of them the manager still owns and no open case
     * lists, worked like any other (the supervisor's task, moves under the assignment rules).
     */
    @Transactional
    public Optional<CustomerReassignment> openFor(long managerId, Collection<Long> customerIds, ReassignmentCause cause, String decidedIn) {
        if (customerIds.isEmpty()) {
            return Optional.empty();
        }
        Grade grade = managers.get("managerId", managerId).getGrade();
        return open(managerId, cause, grade, grade, decidedIn, items.unlistedOf(managerId, customerIds));
    }

    private Optional<CustomerReassignment> open(long managerId, ReassignmentCause cause, Grade before, Grade grade, String decidedIn,
                                                List<Customer> listed) {
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        CustomerReassignment r = cases.saveAndFlush(new CustomerReassignment(managerId, cause, before, grade, decidedIn, clock.instant()));
        items.saveAll(listed.stream().map(c -> new ReassignmentItem(r.getId(), c.getId(), c.getTier())).toList());
        Map<String, Object> variables = new HashMap<>();
        variables.put(ID_VARIABLE, r.getId());
        variables.put("managerId", managerId);
        variables.put("supervisorId", managers.get("managerId", managerId).getSupervisorUserId());
        variables.put("reassignmentDue", calendar.due(properties.reassignmentWorkingDays()));
        r.startedAs(starter.start(PROCESS, CASE_TYPE, new Subject(CASE_TYPE, r.getId().toString()), variables).getId());
        return Optional.of(r);
    }

    /**
     * A manager left the sequence (in the transaction of their leaving): every customer they still own is
     * listed for their supervisor, so none stays without an owner past the task's due date.
     */
    @EventListener
    @Transactional
    public void on(com.hongda.cms.manager.ManagerLeft left) {
        List<Long> owned = customers.customersOf(List.of(left.managerId())).getOrDefault(left.managerId(), List.of()).stream()
                .map(Customer::getId).toList();
        openFor(left.managerId(), owned, ReassignmentCause.MANAGER_LEFT, left.processInstanceId());
    }

    /**
     * A customer's tier changed (in the transaction of the change) above what its manager's grade allows:
     * the customer is listed for the manager's supervisor, never left with a manager who may not own it.
     */
    @EventListener
    @Transactional
    public void on(CustomerTierChanged changed) {
        Customer customer = customers.byIds(List.of(changed.customerId())).get(changed.customerId());
        Long owner = customer == null ? null : customer.getManagerId();
        if (owner != null && !policy.allows(managers.get("managerId", owner).getGrade(), changed.after())) {
            openFor(owner, List.of(changed.customerId()), ReassignmentCause.TIER_CHANGE, null);
        }
    }

    /**
     * A supervisor decides that some of a manager's customers go to others (too many customers, a
     * territory change, a complaint): a case of cause SUPERVISOR_DECISION for those of them the manager
     * owns. The caller supervises the manager (else NOT_FOUND), or is ADMIN.
     */
    @Transactional
    public CustomerReassignment decide(long managerId, List<Long> customerIds, String actor) {
        CustomerManager manager = managers.find(managerId).orElseThrow(() -> DomainException.notFound("input.managerId", "manager", managerId));
        if (!CurrentUser.hasAnyRole(Role.ADMIN) && !managers.supervises(actor, manager)) {
            throw DomainException.notFound("input.managerId", "manager", managerId);
        }
        Map<Long, Customer> found = customers.byIds(customerIds);
        for (int i = 0; i < customerIds.size(); i++) {
            Customer c = found.get(customerIds.get(i));
            if (c == null || !Long.valueOf(managerId).equals(c.getManagerId())) {
                throw DomainException.badRequest("input.customerIds[" + i + "]", "NOT_THE_MANAGERS", "error.reassignment.notTheManagers");
            }
        }
        return openFor(managerId, customerIds, ReassignmentCause.SUPERVISOR_DECISION, null)
                .orElseThrow(() -> DomainException.conflict("input.customerIds", "ALREADY_LISTED", "error.reassignment.alreadyListed"));
    }

    /**
     * The supervisor's task is past its due date: raised to priority 80, and the head of the manager's branch
     * and the SUPERVISOR group become its candidates, so someone moves the customers.
     */
    @Transactional
    public void escalate(String processInstanceId, long reassignmentId) {
        CustomerReassignment r = cases.findById(reassignmentId).orElseThrow();
        String head = managers.find(r.getManagerId()).flatMap(m -> branches.find(m.getBranchId())).map(b -> b.getHeadUserId()).orElse(null);
        reminder.escalate(processInstanceId, 80, head == null ? List.of() : List.of(head), List.of("SUPERVISOR"));
    }

    /** The filters of the reassignments query, each backed by an index. */
    public record Filter(Long managerId, ReassignmentState state) {
    }

    /** The case, if it exists and the caller may see it. */
    @Transactional(readOnly = true)
    public Optional<CustomerReassignment> find(long id) {
        return cases.findOne(Specification.allOf(Specs.equal("id", id), visible()));
    }

    /** The cases the caller may see, newest first. */
    @Transactional(readOnly = true)
    public Connection<CustomerReassignment> page(Filter filter, PageArgs args) {
        Filter f = filter == null ? new Filter(null, null) : filter;
        Specification<CustomerReassignment> spec = Specification.allOf(Specs.equal("managerId", f.managerId()),
                Specs.equal("state", f.state()), visible());
        return paging.page(CustomerReassignment.class, spec, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")), args);
    }

    /** One move of {@code reassignCustomers}: the customer, the receiving manager, and its place in the input. */
    public record Move(int index, long customerId, long managerId) {
    }

    /**
     * Moves listed customers to other managers, all or nothing, each under the assignment rules and recorded
     * on its item. When no listed customer remains with the manager, the supervisor's task is completed (by
     * the caller) in the same transaction and the case is DONE.
     */
    @Transactional
    public CustomerReassignment reassign(long id, List<Move> moves, String actor) {
        CustomerReassignment r = cases.findByIdForUpdate(id).orElseThrow(() -> notFound(id));
        CustomerManager owner = managers.get("input.reassignmentId", r.getManagerId());
        boolean supervises = CurrentUser.hasAnyRole(Role.SUPERVISOR) && managers.supervises(CurrentUser.id(), owner);
        if (!supervises && !CurrentUser.hasAnyRole(Role.ADMIN)) {
            throw CurrentUser.hasAnyRole(Role.HR, Role.AUDITOR) ? DomainException.forbidden("error.reassignment.notSupervised") : notFound(id);
        }
        if (r.getState() == ReassignmentState.DONE) {
            throw DomainException.conflict("input.reassignmentId", "REASSIGNMENT_CLOSED", "error.reassignment.closed", id);
        }
        Map<Long, ReassignmentItem> listed = items.findByReassignmentIdInOrderByIdAsc(List.of(id)).stream()
                .collect(Collectors.toMap(ReassignmentItem::getCustomerId, Function.identity()));
        Set<Long> seen = new HashSet<>();
        for (Move move : moves) {
            String field = "input.moves[" + move.index() + "].customerId";
            ReassignmentItem item = listed.get(move.customerId());
            if (item == null) {
                throw DomainException.badRequest(field, "NOT_IN_REASSIGNMENT", "error.reassignment.notListed", move.customerId(), id);
            }
            if (!seen.add(move.customerId())) {
                throw DomainException.badRequest(field, "DUPLICATE_MOVE", "error.reassignment.duplicate", move.customerId());
            }
            if (item.isMoved()) {
                throw DomainException.conflict(field, "ALREADY_MOVED", "error.reassignment.alreadyMoved", move.customerId());
            }
        }
        Instant now = clock.instant();
        // By receiver: simultaneous reassignments lock the receiving managers in one order, so never in a cycle.
        for (Move move : moves.stream().sorted(Comparator.comparingLong(Move::managerId).thenComparingInt(Move::index)).toList()) {
            try {
                assignments.reassign(move.customerId(), r.getManagerId(), move.managerId(), CASE_TYPE + "-" + id, actor);
            } catch (DomainException e) {
                throw atMove(e, move.index());
            }
            listed.get(move.customerId()).moved(move.managerId(), now, actor);
        }
        if (items.remaining(id, r.getManagerId()) == 0) {
            completeTask(r, actor);
        }
        return r;
    }

    /**
     * An assignment rule refused a move: the error names the move ({@code input.moves[i].managerId}). A
     * receiver without room is CONFLICT here: moves of other cases take the same room, so the request may
     * have been right when it was sent; another suggestion is the answer.
     */
    private static DomainException atMove(DomainException e, int index) {
        String field = e.field() == null ? null
                : "input.moves[" + index + "]." + ("input.customerId".equals(e.field()) ? "customerId" : "managerId");
        ErrorType type = "MANAGER_CAPACITY".equals(e.rule()) ? ErrorType.CONFLICT : e.type();
        return new DomainException(type, e.messageKey(), field, e.rule(), e.args());
    }

    /** Completes the supervisor's task as the caller; its listener closes the case ({@link #close}). */
    private void completeTask(CustomerReassignment r, String actor) {
        Task task = r.getProcessInstanceId() == null ? null
                : tasks.createTaskQuery().processInstanceId(r.getProcessInstanceId()).taskDefinitionKey(TASK).singleResult();
        if (task == null) {
            close(r.getId(), actor);
            return;
        }
        tasks.setAssignee(task.getId(), actor);
        tasks.complete(task.getId());
    }

    /**
     * The supervisor's task completes: refused (CONFLICT CUSTOMERS_REMAIN) while a listed customer is still
     * with the manager; otherwise the case is DONE. Customers moved outside the case (reassignCustomer) are
     * recorded on their items from their current assignment.
     */
    @Transactional
    void close(long id, String by) {
        CustomerReassignment r = cases.findByIdForUpdate(id).orElseThrow(() -> new IllegalStateException("no reassignment " + id));
        long remaining = items.remaining(id, r.getManagerId());
        if (remaining > 0) {
            throw DomainException.conflict("input.taskId", "CUSTOMERS_REMAIN", "error.reassignment.customersRemain", remaining);
        }
        List<ReassignmentItem> unrecorded = items.findByReassignmentIdInOrderByIdAsc(List.of(id)).stream()
                .filter(i -> !i.isMoved()).toList();
        if (!unrecorded.isEmpty()) {
            Map<Long, Assignment> current = assignmentHistory.findByCustomerIdInAndEndedAtIsNull(
                    unrecorded.stream().map(ReassignmentItem::getCustomerId).toList()).stream()
                    .collect(Collectors.toMap(Assignment::getCustomerId, Function.identity(), (a, b) -> a));
            for (ReassignmentItem item : unrecorded) {
                Assignment a = current.get(item.getCustomerId());
                if (a != null) {
                    item.moved(a.getManagerId(), a.getAssignedAt(), a.getAssignedBy());
                }
            }
        }
        r.close(by, clock.instant());
    }

    /** The items of these cases, by case, in the order they were listed. */
    @Transactional(readOnly = true)
    Map<Long, List<ReassignmentItem>> items(Collection<Long> reassignmentIds) {
        return reassignmentIds.isEmpty() ? Map.of() : items.findByReassignmentIdInOrderByIdAsc(reassignmentIds).stream()
                .collect(Collectors.groupingBy(ReassignmentItem::getReassignmentId));
    }

    /**
     * For each item still to move, by item id: up to {@value #SUGGESTIONS} managers of the case's manager's
     * branch and region who may take the customer now — ACTIVE, a grade that allows its tier, room under
     * their capacity — fewest customers first. A fixed number of statements for any number of items and cases.
     */
    @Transactional(readOnly = true)
    Map<Long, List<CustomerManager>> suggestions(Collection<ReassignmentItem> batch) {
        List<ReassignmentItem> open = batch.stream().filter(i -> !i.isMoved()).toList();
        if (open.isEmpty()) {
            return Map.of();
        }
        Map<Long, CustomerReassignment> byId = cases.findAllById(open.stream().map(ReassignmentItem::getReassignmentId).distinct().toList())
                .stream().filter(r -> r.getState() == ReassignmentState.OPEN)
                .collect(Collectors.toMap(CustomerReassignment::getId, Function.identity()));
        Map<Long, CustomerManager> owners = managers.byIds(byId.values().stream().map(CustomerReassignment::getManagerId).distinct().toList());
        List<CustomerManager> pool = managers.activeIn(owners.values().stream().map(CustomerManager::getBranchId).distinct().toList());
        if (pool.isEmpty()) {
            return Map.of();
        }
        List<Long> poolIds = pool.stream().map(CustomerManager::getId).toList();
        Map<Long, Integer> owned = customers.customerCounts(poolIds);
        Map<Long, Integer> capacities = managers.capacities(pool);
        Comparator<CustomerManager> fewestFirst = Comparator.<CustomerManager>comparingInt(m -> owned.getOrDefault(m.getId(), 0))
                .thenComparing(CustomerManager::getName).thenComparing(CustomerManager::getId);
        Map<Long, List<CustomerManager>> result = new HashMap<>();
        for (ReassignmentItem item : open) {
            CustomerReassignment r = byId.get(item.getReassignmentId());
            CustomerManager owner = r == null ? null : owners.get(r.getManagerId());
            if (owner == null) {
                continue;
            }
            result.put(item.getId(), pool.stream()
                    .filter(m -> !m.getId().equals(owner.getId()) && m.getBranchId().equals(owner.getBranchId())
                            && m.getRegion() == owner.getRegion() && policy.allows(m.getGrade(), item.getTier())
                            && owned.getOrDefault(m.getId(), 0) < capacities.get(m.getId()))
                    .sorted(fewestFirst).limit(SUGGESTIONS).toList());
        }
        return result;
    }

    /** HR, AUDITOR and ADMIN see every case; a SUPERVISOR those of the managers they supervise; nobody else any. */
    private Specification<CustomerReassignment> visible() {
        if (CurrentUser.hasAnyRole(Role.HR, Role.AUDITOR, Role.ADMIN)) {
            return null;
        }
        if (CurrentUser.hasAnyRole(Role.SUPERVISOR)) {
            return managers.supervisedBy(CurrentUser.id(), "managerId");
        }
        return (root, query, cb) -> cb.disjunction();
    }

    private static DomainException notFound(long id) {
        return DomainException.notFound("input.reassignmentId", "reassignment", id);
    }
}
