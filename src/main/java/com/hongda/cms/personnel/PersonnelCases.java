package com.hongda.cms.personnel;

import com.hongda.cms.branch.Branches;
import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.common.Paging;
import com.hongda.cms.common.Specs;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ExitReviewDue;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.manager.ManagerStatus;
import com.hongda.cms.security.CurrentUser;
import com.hongda.cms.security.Role;
import com.hongda.cms.workflow.CaseStarter;
import com.hongda.cms.workflow.Subject;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens personnel cases, each with its process in the same transaction, and reads them as the rules
 * allow (docs/rules.md#personnel-decisions): HR, AUDITOR and ADMIN see all; COMMITTEE the exceptional
 * promotions; a SUPERVISOR the cases of the managers they supervise; nobody else any. The rule is part
 * of the query, so paging and counts hold.
 */
@Service
public class PersonnelCases {

    static final String SUBJECT = "PERSONNEL";
    /** Process variables every personnel model reads. */
    static final String CASE_ID = "caseId";

    private static final Logger log = LoggerFactory.getLogger(PersonnelCases.class);

    private final PersonnelCaseRepository cases;
    private final ManagerService managers;
    private final Branches branches;
    private final CaseStarter starter;
    private final PersonnelProperties properties;
    private final Paging paging;
    private final Clock clock;

    PersonnelCases(PersonnelCaseRepository cases, ManagerService managers, Branches branches, CaseStarter starter,
                   PersonnelProperties properties, Paging paging, Clock clock) {
        this.cases = cases;
        this.managers = managers;
        this.branches = branches;
        this.starter = starter;
        this.properties = properties;
        this.paging = paging;
        this.clock = clock;
    }

    /**
     * A SUPERVISOR of the manager, or HR, reports misconduct: it happened on a day neither in the future
     * nor more than five years ago; the manager has not left. HR decides in the case's process.
     */
    @Transactional
    public PersonnelCase reportMisconduct(long managerId, MisconductCategory category, LocalDate occurredOn, String description) {
        String me = CurrentUser.id();
        CustomerManager m = current("input.managerId", managerId);
        if (!CurrentUser.hasAnyRole(Role.HR) && !managers.supervises(me, m)) {
            throw DomainException.forbidden("error.personnel.notSupervised", m.getName());
        }
        LocalDate today = LocalDate.now(clock);
        if (occurredOn.isAfter(today) || occurredOn.isBefore(today.minusYears(5))) {
            throw DomainException.badRequest("input.occurredOn", "DATE_RANGE", "error.personnel.occurredOn");
        }
        return start(PersonnelCase.misconduct(managerId, category, occurredOn, description, me, clock.instant()), Map.of());
    }

    /**
     * A COMMITTEE member proposes to promote a manager to a higher grade than theirs, skipping grades or
     * outside the usual rules; a TRAINEE is confirmed by probation, never promoted.
     */
    @Transactional
    public PersonnelCase proposeExceptionalPromotion(long managerId, Grade targetGrade, String reason) {
        CustomerManager m = current("input.managerId", managerId);
        if (m.getGrade() == Grade.TRAINEE || targetGrade.compareTo(m.getGrade()) <= 0) {
            throw DomainException.badRequest("input.targetGrade", "ABOVE_CURRENT_GRADE", "error.personnel.targetGrade", m.getGrade());
        }
        return start(PersonnelCase.exceptionalPromotion(managerId, targetGrade, reason, CurrentUser.id(), clock.instant()),
                Map.of("targetGrade", targetGrade.name()));
    }

    /**
     * A manager's exit review is due: the case and HR's task open in the transaction of whoever found it
     * (a synchronous listener). While one exit review of the manager is open, another is not opened; a
     * manager who has left needs none.
     */
    @EventListener
    @Transactional
    void on(ExitReviewDue due) {
        Optional<CustomerManager> m = managers.find(due.managerId());
        if (m.isEmpty() || m.get().getStatus() == ManagerStatus.LEFT
                || cases.existsByManagerIdAndKindAndState(due.managerId(), PersonnelKind.EXIT_REVIEW, PersonnelState.OPEN)) {
            log.info("No exit review opened for manager {} ({} {}): gone, left, or one is open", due.managerId(), due.cause(),
                    due.reference());
            return;
        }
        start(PersonnelCase.exitReview(due, clock.instant()), Map.of("exitCause", due.cause().name()));
    }

    private PersonnelCase start(PersonnelCase c, Map<String, Object> variables) {
        PersonnelCase saved = cases.saveAndFlush(c);
        Map<String, Object> vars = new java.util.HashMap<>(variables);
        vars.put(CASE_ID, saved.getId());
        vars.put("decisionWorkingDays", properties.decisionWorkingDays());
        saved.startedAs(starter.start(saved.getKind().processKey(), SUBJECT, new Subject(SUBJECT, saved.getId().toString()), vars).getId());
        return saved;
    }

    /** The manager, who must not have left the sequence (CONFLICT MANAGER_LEFT). */
    private CustomerManager current(String field, long managerId) {
        CustomerManager m = managers.get(field, managerId);
        if (m.getStatus() == ManagerStatus.LEFT) {
            throw DomainException.conflict(field, "MANAGER_LEFT", "error.manager.left", m.getName());
        }
        return m;
    }

    /** The case, if it exists and the caller may see it. */
    @Transactional(readOnly = true)
    public Optional<PersonnelCase> find(long id) {
        return cases.findOne(Specification.allOf(Specs.equal("id", id), visible()));
    }

    /** The filters of the cases query, each backed by an index. */
    public record CaseFilter(Long managerId, PersonnelKind kind, PersonnelState state) {
    }

    /** The cases the caller may see, newest first. */
    @Transactional(readOnly = true)
    public Connection<PersonnelCase> page(CaseFilter filter, PageArgs args) {
        CaseFilter f = filter == null ? new CaseFilter(null, null, null) : filter;
        Specification<PersonnelCase> spec = Specification.allOf(Specs.equal("managerId", f.managerId()), Specs.equal("kind", f.kind()),
                Specs.equal("state", f.state()), visible());
        return paging.page(PersonnelCase.class, spec, Sort.by(Sort.Order.desc("id")), args);
    }

    private Specification<PersonnelCase> visible() {
        if (CurrentUser.hasAnyRole(Role.HR, Role.AUDITOR, Role.ADMIN)) {
            return null;
        }
        boolean committee = CurrentUser.hasAnyRole(Role.COMMITTEE);
        boolean supervisor = CurrentUser.hasAnyRole(Role.SUPERVISOR);
        String me = CurrentUser.id();
        Set<Long> headed = supervisor ? branches.headedBy(me) : Set.of();
        return (root, query, cb) -> {
            List<Predicate> any = new ArrayList<>();
            if (committee) {
                any.add(cb.equal(root.get("kind"), PersonnelKind.EXCEPTIONAL_PROMOTION));
            }
            if (supervisor) {
                // Supervised: named as the manager's supervisor, or heading the manager's branch or one above it.
                Subquery<Long> supervised = query.subquery(Long.class);
                var m = supervised.from(CustomerManager.class);
                Predicate named = cb.equal(m.get("supervisorUserId"), me);
                supervised.select(m.get("id")).where(headed.isEmpty() ? named : cb.or(named, m.get("branchId").in(headed)));
                any.add(root.get("managerId").in(supervised));
            }
            return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
        };
    }
}
