package com.hongda.cms.customer;

import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.ErrorType;
import com.hongda.cms.security.CurrentUser;
import com.hongda.cms.security.Role;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.Grade;
import com.hongda.cms.manager.ManagerStatus;
import com.hongda.cms.manager.ManagerService;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigns a customer to a manager, enforcing docs/rules.md#assignment on the server:
 * the manager is ACTIVE and not a TRAINEE, their grade allows the customer's tier, and they have
 * room under the capacity of their territory. Any violation is refused before anything is
 * written. The customer row and then the manager row are locked, so concurrent assignments
 * neither double-assign a customer nor overfill a manager.
 */
@Service
public class AssignmentService {

    private final CustomerRepository customers;
    private final AssignmentRepository assignments;
    private final ManagerService managers;
    private final AssignmentPolicy policy;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AssignmentService(CustomerRepository customers, AssignmentRepository assignments, ManagerService managers,
                      AssignmentPolicy policy, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.customers = customers;
        this.assignments = assignments;
        this.managers = managers;
        this.policy = policy;
        this.clock = clock;
    }

    /** Assigns a customer that has no manager yet. */
    @Transactional
    public Assignment assign(long customerId, long managerId, String reason, String actor) {
        Customer customer = lockCustomer(customerId);
        if (customer.getManagerId() != null) {
            throw DomainException.conflict("input.customerId", "ONE_MANAGER_AT_A_TIME",
                    "error.assignment.alreadyAssigned", customerId);
        }
        return handOver(customer, managerId, reason, actor);
    }

    /** Moves an assigned customer to another manager, ending the current assignment. */
    @Transactional
    public Assignment reassign(long customerId, long managerId, String reason, String actor) {
        return reassign(customerId, null, managerId, reason, actor);
    }

    /**
     * The same, for a customer that must still be with the manager {@code from} (when not null):
     * otherwise CONFLICT CUSTOMER_MOVED, decided under the customer's lock.
     */
    @Transactional
    Assignment reassign(long customerId, Long from, long managerId, String reason, String actor) {
        Customer customer = lockCustomer(customerId);
        if (customer.getManagerId() == null) {
            throw DomainException.conflict("input.customerId", "REASSIGN_NEEDS_MANAGER",
                    "error.assignment.notAssigned", customerId);
        }
        if (from != null && !from.equals(customer.getManagerId())) {
            throw DomainException.conflict("input.customerId", "CUSTOMER_MOVED", "error.assignment.moved", customer.getName());
        }
        if (customer.getManagerId() == managerId) {
            throw DomainException.badRequest("input.managerId", "DIFFERENT_MANAGER",
                    "error.assignment.sameManager", managerId);
        }
        return handOver(customer, managerId, reason, actor);
    }

    private Assignment handOver(Customer customer, long managerId, String reason, String actor) {
        CustomerManager manager = managers.lockForAssignment("input.managerId", managerId);
        checkSupervision(customer, manager);
        checkRules(customer, manager);
        Instant now = clock.instant();
        assignments.findFirstByCustomerIdAndEndedAtIsNull(customer.getId())
                .ifPresent(open -> open.end(now, actor, reason == null ? "REASSIGNED" : reason));
        customer.assignTo(manager.getId(), now);
        Assignment assignment = assignments.save(new Assignment(customer.getId(), manager.getId(), now, actor, reason));
        events.publishEvent(new CustomerAssigned(customer.getId(), manager.getId(), customer.getTier(), now));
        return assignment;
    }

    /**
     * A supervisor who is not an administrator hands customers only to managers they supervise (named
     * as their supervisor, or heading their branch), and takes customers only from such managers.
     * Calls made by the service itself (no caller) are not restricted.
     */
    private void checkSupervision(Customer customer, CustomerManager manager) {
        if (!CurrentUser.isPresent() || !CurrentUser.hasAnyRole(Role.SUPERVISOR) || CurrentUser.hasAnyRole(Role.ADMIN)) {
            return;
        }
        String me = CurrentUser.id();
        if (!managers.supervises(me, manager)) {
            throw new DomainException(ErrorType.FORBIDDEN, "error.assignment.notSupervised", "input.managerId", "NOT_SUPERVISED",
                    manager.getName());
        }
        if (customer.getManagerId() != null && !managers.supervises(me, managers.get("input.customerId", customer.getManagerId()))) {
            throw new DomainException(ErrorType.FORBIDDEN, "error.assignment.notSupervisedOwner", "input.customerId",
                    "NOT_SUPERVISED", customer.getName());
        }
    }

    private void checkRules(Customer customer, CustomerManager manager) {
        if (manager.getGrade() == Grade.TRAINEE) {
            throw DomainException.badRequest("input.managerId", "TRAINEE_OWNS_NO_CUSTOMERS",
                    "error.assignment.trainee", manager.getName());
        }
        if (manager.getStatus() != ManagerStatus.ACTIVE) {
            throw DomainException.badRequest("input.managerId", "MANAGER_MUST_BE_ACTIVE",
                    "error.assignment.notActive", manager.getName(), manager.getStatus());
        }
        if (!policy.allows(manager.getGrade(), customer.getTier())) {
            throw DomainException.badRequest("input.managerId", "GRADE_ALLOWS_TIER",
                    "error.assignment.tierNotAllowed", manager.getName(), manager.getGrade(), customer.getTier());
        }
        int capacity = managers.capacityOf(manager);
        long owned = customers.countByManagerId(manager.getId());
        if (owned >= capacity) {
            throw DomainException.badRequest("input.managerId", "MANAGER_CAPACITY",
                    "error.assignment.capacity", manager.getName(), capacity, manager.getRegion());
        }
    }

    private Customer lockCustomer(long id) {
        return customers.findByIdForUpdate(id).orElseThrow(() -> DomainException.notFound("input.customerId", "customer", id));
    }
}
