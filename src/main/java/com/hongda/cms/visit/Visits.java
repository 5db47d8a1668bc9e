package com.hongda.cms.visit;

import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.common.Paging;
import com.hongda.cms.common.Specs;
import com.hongda.cms.customer.Customer;
import com.hongda.cms.customer.CustomerService;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.security.CurrentUser;
import com.hongda.cms.security.Role;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans, logs and lists visits (docs/rules.md#customer-visits). A MANAGER works with the visits of their own
 * customers, a SUPERVISOR with those of the managers they supervise, an ADMIN with any; any other customer is
 * NOT_FOUND to them, as if it did not exist. A logged visit is never changed: a correction is a new visit.
 */
@Service
public class Visits {

    /** How far back a visit may be logged and how far ahead planned. */
    static final int MAX_DAYS = 366;

    private static final Role[] SEE_ALL = {Role.HR, Role.AUDITOR, Role.ADMIN, Role.SERVICE_DESK};

    private final VisitRepository visits;
    private final VisitSchedules schedules;
    private final CustomerService customers;
    private final ManagerService managers;
    private final Paging paging;
    private final Clock clock;

    Visits(VisitRepository visits, VisitSchedules schedules, CustomerService customers, ManagerService managers, Paging paging,
           Clock clock) {
        this.visits = visits;
        this.schedules = schedules;
        this.customers = customers;
        this.managers = managers;
        this.paging = paging;
        this.clock = clock;
    }

    /** What a logged visit records; {@code kind} and {@code purpose} may be left to a planned visit's. */
    public record Report(VisitKind kind, String purpose, LocalDate visitedOn, String notes, List<FollowUp> followUps) {
    }

    /** Plans a visit of one of the caller's customers for today or a later day (at most {@value #MAX_DAYS} days ahead). */
    @Transactional
    public Visit plan(long customerId, LocalDate on, VisitKind kind, String purpose, String actor) {
        Customer customer = workable("input.customerId", customerId, actor);
        LocalDate today = schedules.today();
        if (on.isBefore(today) || on.isAfter(today.plusDays(MAX_DAYS))) {
            throw DomainException.badRequest("input.plannedOn", "DATE_RANGE", "error.visit.plannedOn", MAX_DAYS);
        }
        return visits.save(Visit.planned(customerId, customer.getManagerId(), kind, purpose, on, actor, clock.instant()));
    }

    /**
     * Logs a visit, a planned one ({@code visitId}, CONFLICT VISIT_LOGGED once logged) or a new one
     * ({@code customerId}): on a day neither in the future nor more than {@value #MAX_DAYS} days ago, the
     * follow-ups due no earlier than that day. The customer's last visit and next due date follow, and its
     * open reminder is completed.
     */
    @Transactional
    public Visit log(Long visitId, Long customerId, Report report, String actor) {
        if ((visitId == null) == (customerId == null)) {
            throw DomainException.badRequest("input.visitId", "ONE_OF", "error.visit.visitOrCustomer");
        }
        Visit visit;
        if (visitId != null) {
            visit = visits.findByIdForUpdate(visitId).orElseThrow(() -> DomainException.notFound("input.visitId", "visit", visitId));
            try {
                workable("input.visitId", visit.getCustomerId(), actor);
            } catch (DomainException e) {
                throw DomainException.notFound("input.visitId", "visit", visitId);
            }
            if (visit.getStatus() == VisitStatus.LOGGED) {
                throw DomainException.conflict("input.visitId", "VISIT_LOGGED", "error.visit.logged");
            }
        } else {
            workable("input.customerId", customerId, actor);
            visit = Visit.unplanned(customerId, null);
        }
        Customer customer = customers.byIds(List.of(visit.getCustomerId())).get(visit.getCustomerId());
        LocalDate today = schedules.today();
        if (report.visitedOn().isAfter(today)) {
            throw DomainException.badRequest("input.visitedOn", "NOT_IN_FUTURE", "error.visit.future");
        }
        if (report.visitedOn().isBefore(today.minusDays(MAX_DAYS))) {
            throw DomainException.badRequest("input.visitedOn", "DATE_RANGE", "error.visit.tooOld", MAX_DAYS);
        }
        for (int i = 0; i < report.followUps().size(); i++) {
            if (report.followUps().get(i).getDueOn().isBefore(report.visitedOn())) {
                throw DomainException.badRequest("input.followUps[" + i + "].dueOn", "DATE_RANGE", "error.visit.followUpDue");
            }
        }
        VisitKind kind = report.kind() != null ? report.kind() : visit.getKind();
        String purpose = report.purpose() != null ? report.purpose() : visit.getPurpose();
        if (kind == null) {
            throw DomainException.badRequest("input.kind", "REQUIRED", "error.visit.required");
        }
        if (purpose == null) {
            throw DomainException.badRequest("input.purpose", "REQUIRED", "error.visit.required");
        }
        visit.log(customer.getManagerId(), kind, purpose, report.visitedOn(), report.notes(), report.followUps(), actor, clock.instant());
        Visit saved = visits.save(visit);
        schedules.visited(customer, report.visitedOn(), actor);
        return saved;
    }

    /** The filters of the customerVisits query, each backed by an index; {@code from}/{@code to} are days, both inclusive. */
    public record Filter(Long customerId, Long managerId, LocalDate from, LocalDate to) {
    }

    /** The visits the caller may see, newest day first. */
    @Transactional(readOnly = true)
    public Connection<Visit> page(Filter filter, PageArgs args) {
        Filter f = filter == null ? new Filter(null, null, null, null) : filter;
        if (f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            throw DomainException.badRequest("filter.to", "DATE_RANGE", "error.visit.period");
        }
        Specification<Visit> from = f.from() == null ? null : (root, q, cb) -> cb.greaterThanOrEqualTo(root.get("visitOn"), f.from());
        Specification<Visit> to = f.to() == null ? null : (root, q, cb) -> cb.lessThanOrEqualTo(root.get("visitOn"), f.to());
        Specification<Visit> spec = Specification.allOf(Specs.equal("customerId", f.customerId()), Specs.equal("managerId", f.managerId()),
                from, to, visible());
        return paging.page(Visit.class, spec, Sort.by(Sort.Order.desc("visitOn"), Sort.Order.desc("id")), args);
    }

    /** These visits with their follow-ups, in one statement. */
    @Transactional(readOnly = true)
    public Map<Long, List<FollowUp>> followUps(Collection<Long> visitIds) {
        return visitIds.isEmpty() ? Map.of() : visits.findWithFollowUps(visitIds).stream()
                .collect(Collectors.toMap(Visit::getId, v -> List.copyOf(v.followUps())));
    }

    /**
     * Who sees which visits, as they see the customers: HR, AUDITOR, ADMIN and SERVICE_DESK all; a SUPERVISOR
     * those of the customers of the managers they supervise; a MANAGER those of their own customers.
     */
    private Specification<Visit> visible() {
        if (CurrentUser.hasAnyRole(SEE_ALL)) {
            return null;
        }
        String me = CurrentUser.id();
        Specification<Customer> supervised = CurrentUser.hasAnyRole(Role.SUPERVISOR) ? managers.supervisedBy(me, "managerId") : null;
        Long own = CurrentUser.hasAnyRole(Role.MANAGER) ? managers.findByUser(me).map(CustomerManager::getId).orElse(null) : null;
        if (supervised == null && own == null) {
            return (root, query, cb) -> cb.disjunction();
        }
        return (root, query, cb) -> {
            Subquery<Long> sub = query.subquery(Long.class);
            var c = sub.from(Customer.class);
            List<Predicate> owners = new ArrayList<>();
            if (supervised != null) {
                owners.add(supervised.toPredicate(c, query, cb));
            }
            if (own != null) {
                owners.add(cb.equal(c.get("managerId"), own));
            }
            sub.select(c.get("id")).where(cb.or(owners.toArray(Predicate[]::new)));
            return root.get("customerId").in(sub);
        };
    }

    /** The customer, if the caller may plan and log its visits; NOT_FOUND otherwise. */
    private Customer workable(String field, long customerId, String actor) {
        Customer customer = customers.byIds(List.of(customerId)).get(customerId);
        if (customer == null) {
            throw DomainException.notFound(field, "customer", customerId);
        }
        if (CurrentUser.hasAnyRole(Role.ADMIN)) {
            return customer;
        }
        Long owner = customer.getManagerId();
        if (owner != null) {
            if (CurrentUser.hasAnyRole(Role.MANAGER)
                    && managers.findByUser(actor).map(m -> m.getId().equals(owner)).orElse(false)) {
                return customer;
            }
            if (CurrentUser.hasAnyRole(Role.SUPERVISOR) && managers.find(owner).map(m -> managers.supervises(actor, m)).orElse(false)) {
                return customer;
            }
        }
        throw DomainException.notFound(field, "customer", customerId);
    }
}
