package com.hongda.cms.manager;

import com.hongda.cms.common.Texts;
import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.common.Paging;
import com.hongda.cms.branch.Branch;
import com.hongda.cms.branch.BranchHeadChanged;
import com.hongda.cms.branch.Branches;
import com.hongda.cms.common.Ids;
import com.hongda.cms.security.Directory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers managers, reads them, and keeps their grade history. */
@Service
public class ManagerService {

    private final ManagerRepository managers;
    private final GradeChangeRepository gradeChanges;
    private final Directory directory;
    private final Paging paging;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ManagerHistory history;
    private final StatusChangeRepository statusChanges;

    private final SupervisorChangeRepository supervisorChanges;
    private final ManagerEffects effects;
    private final LeaveRepository leaves;
    private final ManagerBranchChangeRepository branchChanges;
    private final Branches branches;

    ManagerService(ManagerRepository managers, GradeChangeRepository gradeChanges, StatusChangeRepository statusChanges,
                   SupervisorChangeRepository supervisorChanges, ManagerBranchChangeRepository branchChanges,
                   ManagerEffects effects, LeaveRepository leaves, ManagerHistory history, Branches branches,
                   Directory directory, Paging paging, Clock clock, ApplicationEventPublisher events) {
        this.branchChanges = branchChanges;
        this.branches = branches;
        this.supervisorChanges = supervisorChanges;
        this.leaves = leaves;
        this.effects = effects;
        this.events = events;
        this.history = history;
        this.statusChanges = statusChanges;
        this.managers = managers;
        this.gradeChanges = gradeChanges;
        this.directory = directory;
        this.paging = paging;
        this.clock = clock;
    }

    /**
     * Registers a manager with the first entries of their histories. The employee number and the login
     * must be unused; the login must be an existing user, the branch an existing one, the supervisor an
     * enabled person holding SUPERVISOR. Without a region or a supervisor, the branch's region and
     * head hold.
     */
    @Transactional
    public CustomerManager register(CreateManagerInput input, String actor) {
        String employeeNo = input.employeeNo().trim();
        if (managers.existsByEmployeeNo(employeeNo)) {
            throw DomainException.conflict("input.employeeNo", "EMPLOYEE_NO_UNIQUE", "error.manager.employeeNoTaken", employeeNo);
        }
        String userId = Texts.blankToNull(input.userId());
        if (userId != null) {
            if (!directory.exists(userId)) {
                throw DomainException.notFound("input.userId", "user", userId);
            }
            if (managers.existsByUserId(userId)) {
                throw DomainException.conflict("input.userId", "USER_LINKED_ONCE", "error.manager.userLinked", userId);
            }
        }
        Branch branch = branches.get("input.branchId", Ids.parse("input.branchId", input.branchId()));
        String supervisor = Texts.blankToNull(input.supervisorId());
        if (supervisor != null) {
            if (!directory.exists(supervisor)) {
                throw DomainException.notFound("input.supervisorId", "user", supervisor);
            }
            checkSupervisor(supervisor);
        } else {
            supervisor = branch.getHeadUserId();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate since = input.gradeSince() == null ? today : input.gradeSince();
        if (since.isAfter(today) || since.isBefore(today.minusYears(60))) {
            throw DomainException.badRequest("input.gradeSince", "DATE_RANGE", "error.manager.gradeSince");
        }
        Instant now = clock.instant();
        CustomerManager manager = managers.save(CustomerManager.register(employeeNo, input.name().trim(), userId,
                branch.getId(), input.region() == null ? branch.getRegion() : input.region(), input.grade(), supervisor, since, now));
        String reason = Texts.blankToNull(input.reason());
        history.started(manager, now, new ManagerEffects.Decision(reason == null ? "REGISTERED" : reason, null, actor));
        return manager;
    }

    /**
     * Hires a trainee decided by a process (the recruitment review): grade TRAINEE, status PROBATION,
     * with the first history entries naming that process. Without a supervisor, the branch head
     * supervises (and none when the branch has no head).
     */
    @Transactional
    public CustomerManager hireTrainee(String employeeNo, String name, String userId, long branchId,
                                       com.hongda.cms.common.Region region, String supervisorId,
                                       String processInstanceId, String decidedBy) {
        String supervisor = supervisorId != null ? supervisorId : branches.get("branchId", branchId).getHeadUserId();
        if (managers.existsByEmployeeNo(employeeNo)) {
            throw DomainException.conflict("employeeNo", "EMPLOYEE_NO_UNIQUE", "error.manager.employeeNoTaken", employeeNo);
        }
        if (userId != null && managers.existsByUserId(userId)) {
            throw DomainException.conflict("userId", "USER_LINKED_ONCE", "error.manager.userLinked", userId);
        }
        Instant now = clock.instant();
        CustomerManager manager = managers.save(CustomerManager.register(employeeNo, name, userId, branchId, region,
                Grade.TRAINEE, supervisor, LocalDate.now(clock), now));
        history.started(manager, now, new ManagerEffects.Decision("HIRED", processInstanceId, decidedBy));
        events.publishEvent(new TraineeAppointed(manager, processInstanceId));
        return manager;
    }

    @Transactional(readOnly = true)
    public CustomerManager get(String field, long id) {
        return managers.findById(id).orElseThrow(() -> DomainException.notFound(field, "manager", id));
    }

    @Transactional(readOnly = true)
    public Optional<CustomerManager> find(long id) {
        return managers.findById(id);
    }

    /** The manager record of a login, if that user is a customer manager. */
    @Transactional(readOnly = true)
    public Optional<CustomerManager> findByUser(String userId) {
        return managers.findByUserId(userId);
    }

    /**
     * Loads the manager and locks the row until the transaction ends, so that concurrent
     * assignments to the same manager check capacity one after another.
     */
    @Transactional
    public CustomerManager lockForAssignment(String field, long id) {
        return managers.findByIdForUpdate(id).orElseThrow(() -> DomainException.notFound(field, "manager", id));
    }

    @Transactional(readOnly = true)
    public Map<Long, CustomerManager> byIds(Collection<Long> ids) {
        return managers.findAllById(ids).stream().collect(Collectors.toMap(CustomerManager::getId, Function.identity()));
    }

    @Transactional(readOnly = true)
    public Connection<CustomerManager> page(ManagerFilter filter, ManagerSort sort, PageArgs args) {
        ManagerFilter f = filter == null ? new ManagerFilter(null, null, null, null, null, null) : filter;
        ManagerSort s = sort == null ? new ManagerSort(null, null) : sort;
        return paging.page(CustomerManager.class, f.toSpecification(), s.toSort(), args);
    }

    @Transactional(readOnly = true)
    public Map<Long, List<GradeChange>> gradeHistories(Collection<Long> managerIds) {
        return gradeChanges.findByManagerIdInOrderByChangedAtAscIdAsc(managerIds).stream()
                .collect(Collectors.groupingBy(GradeChange::getManagerId));
    }

    /**
     * HR or ADMIN names a manager's supervisor, with a reason: an existing, enabled person holding
     * SUPERVISOR. {@code changed} is false when it is the supervisor already.
     */
    @Transactional
    public boolean changeSupervisor(long managerId, String supervisorId, String reason, String actor) {
        checkSupervisor(supervisorId);
        managers.findById(managerId).orElseThrow(() -> DomainException.notFound("input.managerId", "manager", managerId));
        return effects.changeSupervisor(managerId, supervisorId, new ManagerEffects.Decision(reason, null, actor)) != null;
    }

    /**
     * HR or ADMIN moves a manager to another branch, with a reason (kept in the branch history).
     * {@code changed} is false when it is their branch already. The supervisor stays: name a new one
     * with {@link #changeSupervisor} where the move calls for it.
     */
    @Transactional
    public boolean transfer(long managerId, long branchId, String reason, String actor) {
        branches.get("input.branchId", branchId);
        managers.findById(managerId).orElseThrow(() -> DomainException.notFound("input.managerId", "manager", managerId));
        return effects.transfer(managerId, branchId, new ManagerEffects.Decision(reason, null, actor)) != null;
    }

    /**
     * A branch has a new head: the managers of the branch whom the old head supervised, or who had no
     * supervisor, are supervised by the new one (none when the branch is left without a head: they
     * keep the old head until someone else is named), each change in their supervision history.
     * Runs in the transaction of the change.
     */
    @org.springframework.context.event.EventListener
    void on(BranchHeadChanged changed) {
        if (changed.after() == null) {
            return;
        }
        ManagerEffects.Decision why = new ManagerEffects.Decision("BRANCH_HEAD", null, changed.decidedBy());
        for (CustomerManager m : managers.findFollowersOfHead(changed.branchId(), changed.before())) {
            effects.changeSupervisor(m.getId(), changed.after(), why);
        }
    }

    /**
     * Which of these managers {@code user} supervises: named as their supervisor, or heading their
     * branch or a branch above it (a branch head supervises the branch by default).
     */
    @Transactional(readOnly = true)
    public java.util.Set<Long> supervisedBy(String user, Collection<CustomerManager> batch) {
        if (user == null || batch.isEmpty()) {
            return java.util.Set.of();
        }
        java.util.Set<Long> headed = branches.headedBy(user);
        return batch.stream().filter(m -> user.equals(m.getSupervisorUserId()) || headed.contains(m.getBranchId()))
                .map(CustomerManager::getId).collect(Collectors.toSet());
    }

    /**
     * The same rule as {@link #supervisedBy}, as a filter of any entity whose {@code managerAttribute}
     * holds a manager's id: the rows of the managers {@code user} supervises, in the query itself, so that
     * paging and counts hold.
     */
    @Transactional(readOnly = true)
    public <T> org.springframework.data.jpa.domain.Specification<T> supervisedBy(String user, String managerAttribute) {
        java.util.Set<Long> headed = branches.headedBy(user);
        return (root, query, cb) -> {
            jakarta.persistence.criteria.Subquery<Long> sub = query.subquery(Long.class);
            var m = sub.from(CustomerManager.class);
            var byName = cb.equal(m.get("supervisorUserId"), user);
            sub.select(m.get("id")).where(headed.isEmpty() ? byName : cb.or(byName, m.get("branchId").in(headed)));
            return root.get(managerAttribute).in(sub);
        };
    }

    /** The ACTIVE managers of these branches, in one statement: those who may take customers, grade permitting. */
    @Transactional(readOnly = true)
    public List<CustomerManager> activeIn(Collection<Long> branchIds) {
        return branchIds.isEmpty() ? List.of() : managers.findByBranchIdInAndStatus(branchIds, ManagerStatus.ACTIVE);
    }

    /** Whether {@code user} supervises the manager (see {@link #supervisedBy}). */
    @Transactional(readOnly = true)
    public boolean supervises(String user, CustomerManager manager) {
        return supervisedBy(user, List.of(manager)).contains(manager.getId());
    }

    /** Most customers the manager may own: their branch's capacity for their territory. */
    @Transactional(readOnly = true)
    public int capacityOf(CustomerManager manager) {
        return capacities(List.of(manager)).get(manager.getId());
    }

    /** The capacity of each of these managers, by id, reading their branches in one statement. */
    @Transactional(readOnly = true)
    public Map<Long, Integer> capacities(Collection<CustomerManager> batch) {
        Map<Long, com.hongda.cms.branch.BranchSettings> settings = branches.settingsOf(batch.stream().map(CustomerManager::getBranchId).toList());
        return batch.stream().collect(Collectors.toMap(CustomerManager::getId,
                m -> settings.get(m.getBranchId()).capacityOf(m.getRegion()), (a, b) -> a));
    }

    /** One count of a branch's head counts: managers of a grade and status. */
    public record HeadCount(Grade grade, ManagerStatus status, long count) {
    }

    /** The head counts of each of these branches, per grade and status, in one statement. */
    @Transactional(readOnly = true)
    public Map<Long, List<HeadCount>> headCounts(Collection<Long> branchIds) {
        if (branchIds.isEmpty()) {
            return Map.of();
        }
        return managers.countByBranchGradeStatus(branchIds).stream().collect(Collectors.groupingBy(row -> (Long) row[0],
                Collectors.mapping(row -> new HeadCount((Grade) row[1], (ManagerStatus) row[2], (Long) row[3]), Collectors.toList())));
    }

    @Transactional(readOnly = true)
    public Map<Long, List<ManagerBranchChange>> branchHistories(Collection<Long> managerIds) {
        return branchChanges.findByManagerIdInOrderByChangedAtAscIdAsc(managerIds).stream()
                .collect(Collectors.groupingBy(ManagerBranchChange::getManagerId));
    }

    /**
     * HR records a period of leave (both days included). Refused: an end before the start, a period
     * longer than two years or far from today, and one that overlaps a period already recorded
     * (the manager row is locked, so two simultaneous records cannot overlap either).
     */
    @Transactional
    public Leave recordLeave(long managerId, LeaveKind kind, LocalDate from, LocalDate to, String note, String actor) {
        if (to.isBefore(from)) {
            throw DomainException.badRequest("input.endsOn", "DATE_RANGE", "error.leave.order");
        }
        LocalDate today = LocalDate.now(clock);
        if (from.isBefore(today.minusYears(10)) || to.isAfter(today.plusYears(2)) || to.isAfter(from.plusYears(2))) {
            throw DomainException.badRequest("input.startsOn", "DATE_RANGE", "error.leave.range");
        }
        managers.findByIdForUpdate(managerId).orElseThrow(() -> DomainException.notFound("input.managerId", "manager", managerId));
        if (leaves.existsByManagerIdAndStartsOnLessThanEqualAndEndsOnGreaterThanEqual(managerId, to, from)) {
            throw DomainException.conflict("input.startsOn", "LEAVE_OVERLAP", "error.leave.overlap");
        }
        return leaves.save(new Leave(managerId, kind, from, to, Texts.blankToNull(note), actor, clock.instant()));
    }

    /** The graded managers (JUNIOR and above) of a branch who have not left, by id: a promotion cycle's population. */
    @Transactional(readOnly = true)
    public List<CustomerManager> gradedIn(long branchId) {
        return managers.findGradedIn(branchId);
    }

    @Transactional(readOnly = true)
    public Map<Long, List<Leave>> leaves(Collection<Long> managerIds) {
        return leaves.findByManagerIdInOrderByStartsOnAscIdAsc(managerIds).stream().collect(Collectors.groupingBy(Leave::getManagerId));
    }

    /** A supervisor is an enabled person holding SUPERVISOR, wherever one is named. */
    private void checkSupervisor(String supervisorId) {
        directory.refusal("input.supervisorId", "supervisorId", supervisorId, "SUPERVISOR").ifPresent(refusal -> {
            throw refusal;
        });
    }

    @Transactional(readOnly = true)
    public Map<Long, List<SupervisorChange>> supervisorHistories(Collection<Long> managerIds) {
        return supervisorChanges.findByManagerIdInOrderByChangedAtAscIdAsc(managerIds).stream()
                .collect(Collectors.groupingBy(SupervisorChange::getManagerId));
    }

    @Transactional(readOnly = true)
    public Map<Long, List<StatusChange>> statusHistories(Collection<Long> managerIds) {
        return statusChanges.findByManagerIdInOrderByChangedAtAscIdAsc(managerIds).stream()
                .collect(Collectors.groupingBy(StatusChange::getManagerId));
    }

}
