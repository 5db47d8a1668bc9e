package com.hongda.cms.prospect;

import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.common.Paging;
import com.hongda.cms.customer.AssignmentService;
import com.hongda.cms.customer.Contact;
import com.hongda.cms.customer.Customer;
import com.hongda.cms.customer.CustomerInput;
import com.hongda.cms.customer.CustomerService;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.manager.ManagerStatus;
import com.hongda.cms.security.CurrentUser;
import com.hongda.cms.security.Role;
import com.hongda.cms.workflow.CaseStarter;
import com.hongda.cms.workflow.Subject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers prospects, records their follow-ups and results, and reads them under the visibility rules
 * (docs/rules.md#prospects): the manager sees their own, their supervisors those of the managers they
 * supervise, HR, AUDITOR, ADMIN and SERVICE_DESK all. The prospect's row and its process commit or roll back
 * together.
 */
@Service
public class Prospects {

    static final String PROCESS = "prospect-follow-up";
    static final String SUBJECT = "PROSPECT";
    static final String CLOSED_MESSAGE = "prospectClosed";
    private static final Role[] WIDE_READERS = {Role.HR, Role.AUDITOR, Role.ADMIN, Role.SERVICE_DESK};

    private final ProspectRepository prospects;
    private final ProspectFollowUpRepository followUps;
    private final CustomerService customers;
    private final AssignmentService assignments;
    private final ManagerService managers;
    private final CaseStarter starter;
    private final RuntimeService runtime;
    private final Paging paging;
    private final Clock clock;

    Prospects(ProspectRepository prospects, ProspectFollowUpRepository followUps, CustomerService customers,
              AssignmentService assignments, ManagerService managers, CaseStarter starter, RuntimeService runtime, Paging paging,
              Clock clock) {
        this.prospects = prospects;
        this.followUps = followUps;
        this.customers = customers;
        this.assignments = assignments;
        this.managers = managers;
        this.starter = starter;
        this.runtime = runtime;
        this.paging = paging;
        this.clock = clock;
    }

    /**
     * Registers a prospect and starts its follow-up: a MANAGER for themselves, a SUPERVISOR for a manager
     * they supervise, ADMIN for any; the manager must be ACTIVE. The deadline is set by the process's first
     * steps, in this transaction.
     */
    @Transactional
    public Prospect register(NewProspect in, String actor) {
        CustomerManager manager = in.managerId() != null
                ? managers.find(in.managerId()).orElseThrow(() -> DomainException.notFound("input.managerId", "manager", in.managerId()))
                : managers.findByUser(actor).orElseThrow(() -> DomainException.badRequest("input.managerId", "REQUIRED",
                        "error.prospect.managerRequired"));
        if (!CurrentUser.hasAnyRole(Role.ADMIN)) {
            boolean self = CurrentUser.hasAnyRole(Role.MANAGER) && actor.equals(manager.getUserId());
            boolean supervised = CurrentUser.hasAnyRole(Role.SUPERVISOR) && managers.supervises(actor, manager);
            if (!self && !supervised) {
                throw DomainException.forbidden("error.prospect.notYourManager");
            }
        }
        if (manager.getStatus() != ManagerStatus.ACTIVE) {
            throw DomainException.badRequest("input.managerId", "MANAGER_MUST_BE_ACTIVE", "error.prospect.managerNotActive",
                    manager.getName());
        }
        Prospect p = prospects.saveAndFlush(new Prospect(in, manager.getId(), actor, clock.instant()));
        Map<String, Object> vars = new HashMap<>();
        vars.put("prospectId", p.getId());
        vars.put("followUpClass", in.followUpClass().name());
        vars.put("leadUserId", manager.getSupervisorUserId());
        p.started(starter.start(PROCESS, SUBJECT, new Subject(SUBJECT, String.valueOf(p.getId())), vars).getId());
        return p;
    }

    /** The prospect's manager (or ADMIN) records a contact; not in the future, and only while following up. */
    @Transactional
    public ProspectFollowUp recordFollowUp(long prospectId, LocalDate contactedOn, String notes, String actor) {
        Prospect p = following(prospectId, actor);
        if (contactedOn.isAfter(LocalDate.ofInstant(clock.instant(), clock.getZone()))) {
            throw DomainException.badRequest("input.contactedOn", "NOT_IN_FUTURE", "error.prospect.contactedInFuture");
        }
        return followUps.save(new ProspectFollowUp(p.getId(), contactedOn, notes, actor, clock.instant()));
    }

    /**
     * The prospect's manager (or ADMIN) records the result. WON creates an ordinary customer from the
     * prospect's profile (its tier decided by the tier table) and assigns it to the manager under the
     * assignment rules: a refusal refuses the result and nothing is written. LOST needs a reason. The
     * follow-up process ends wherever it is. The row is locked: of two results at once, one wins and the
     * other is refused (CONFLICT PROSPECT_CLOSED).
     */
    @Transactional
    public Prospect close(long prospectId, ProspectResult result, String reason, String actor) {
        Prospect p = following(prospectId, actor);
        if (result == ProspectResult.LOST && reason == null) {
            throw DomainException.badRequest("input.reason", "REQUIRED", "error.prospect.reasonRequired");
        }
        Long customerId = null;
        if (result == ProspectResult.WON) {
            Customer customer = customers.create(new CustomerInput.CreateCustomerInput(p.getName(), p.getType(), p.getIndustry(),
                    p.getRegion(), p.getEmployees(), p.getMonthlyRevenue(), p.contacts().stream()
                    .map(c -> new CustomerInput.ContactInput(c.name(), c.title(), c.phone(), c.email())).toList()));
            try {
                assignments.assign(customer.getId(), p.getManagerId(), "PROSPECT-" + p.getId() + " won", actor);
            } catch (DomainException refused) {
                // The assignment's rule is the result's refusal; the transaction (and the customer) rolls back.
                throw new DomainException(refused.type(), refused.messageKey(), "input.result", refused.rule(), refused.args());
            }
            customerId = customer.getId();
        }
        p.close(result, reason, customerId, actor, clock.instant());
        runtime.createMessageCorrelation(CLOSED_MESSAGE).processInstanceId(p.getProcessInstanceId())
                .setVariable("result", result.name()).correlateAll();
        return p;
    }

    /** The prospect, locked, open, and the caller's to work: its manager or ADMIN. */
    private Prospect following(long id, String actor) {
        Prospect p = prospects.findByIdForUpdate(id).filter(this::visible)
                .orElseThrow(() -> DomainException.notFound("input.prospectId", "prospect", id));
        if (!CurrentUser.hasAnyRole(Role.ADMIN) && !ownedBy(actor, p)) {
            throw DomainException.forbidden("error.prospect.notYours");
        }
        if (p.getState() != ProspectState.FOLLOWING) {
            throw DomainException.conflict("input.prospectId", "PROSPECT_CLOSED", "error.prospect.closed", p.getState());
        }
        return p;
    }

    /** The prospect if the caller may see it. */
    @Transactional(readOnly = true)
    public Optional<Prospect> find(long id) {
        return prospects.findById(id).filter(this::visible);
    }

    /** The filter of {@code prospects}; null fields do not filter. */
    record Filter(Long managerId, ProspectState state, Boolean overdue) {
    }

    /** The prospects the caller may see, the nearest deadline first. */
    @Transactional(readOnly = true)
    public Connection<Prospect> page(Filter filter, PageArgs args) {
        Instant now = clock.instant();
        Specification<Prospect> spec = Specification.where(null);
        if (filter.managerId() != null) {
            spec = spec.and((r, q, cb) -> cb.equal(r.get("managerId"), filter.managerId()));
        }
        if (filter.state() != null) {
            spec = spec.and((r, q, cb) -> cb.equal(r.get("state"), filter.state()));
        }
        if (filter.overdue() != null) {
            Specification<Prospect> overdue = (r, q, cb) -> cb.and(cb.equal(r.get("state"), ProspectState.FOLLOWING),
                    cb.lessThan(r.get("deadline"), now));
            spec = spec.and(filter.overdue() ? overdue : Specification.not(overdue));
        }
        if (!CurrentUser.hasAnyRole(WIDE_READERS)) {
            String me = CurrentUser.id();
            Long own = managers.findByUser(me).map(CustomerManager::getId).orElse(-1L);
            Specification<Prospect> mine = (r, q, cb) -> cb.equal(r.get("managerId"), own);
            spec = spec.and(CurrentUser.hasAnyRole(Role.SUPERVISOR) ? mine.or(managers.supervisedBy(me, "managerId")) : mine);
        }
        return paging.page(Prospect.class, spec, Sort.by(Sort.Order.asc("deadline"), Sort.Order.asc("id")), args);
    }

    /** The contacts of these prospects, masked (as customers' are) where the caller is not entitled to them. */
    @Transactional(readOnly = true)
    public Map<Long, List<Contact>> contacts(Collection<Prospect> batch) {
        Map<Long, List<Contact>> clear = prospects.findWithContacts(batch.stream().map(Prospect::getId).toList()).stream()
                .collect(Collectors.toMap(Prospect::getId, p -> List.copyOf(p.contacts())));
        if (customers.seesAllContacts()) {
            return clear;
        }
        Set<Long> entitled = entitledManagers(batch);
        Map<Long, List<Contact>> result = new HashMap<>();
        for (Prospect p : batch) {
            List<Contact> list = clear.getOrDefault(p.getId(), List.of());
            result.put(p.getId(), entitled.contains(p.getManagerId()) ? list
                    : list.stream().map(c -> new Contact(c.name(), c.title(), Contact.mask(c.phone()), Contact.mask(c.email()))).toList());
        }
        return result;
    }

    @Transactional(readOnly = true)
    public Map<Long, List<ProspectFollowUp>> followUps(Collection<Long> prospectIds) {
        return followUps.findByProspectIdInOrderByContactedOnAscIdAsc(prospectIds).stream()
                .collect(Collectors.groupingBy(ProspectFollowUp::getProspectId));
    }

    /** The managers of these prospects whom the caller is, or supervises. */
    private Set<Long> entitledManagers(Collection<Prospect> batch) {
        String me = CurrentUser.id();
        Map<Long, CustomerManager> owners = managers.byIds(batch.stream().map(Prospect::getManagerId).collect(Collectors.toSet()));
        Set<Long> entitled = new java.util.HashSet<>(managers.supervisedBy(me, owners.values()));
        owners.values().stream().filter(m -> me.equals(m.getUserId())).forEach(m -> entitled.add(m.getId()));
        return entitled;
    }

    private boolean visible(Prospect p) {
        return CurrentUser.hasAnyRole(WIDE_READERS) || entitledManagers(List.of(p)).contains(p.getManagerId());
    }

    private boolean ownedBy(String actor, Prospect p) {
        return managers.find(p.getManagerId()).map(m -> Objects.equals(actor, m.getUserId())).orElse(false);
    }
}
