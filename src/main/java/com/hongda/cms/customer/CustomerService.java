package com.hongda.cms.customer;

import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.common.Paging;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.security.CurrentUser;
import com.hongda.cms.security.Role;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and reads customers, applying the visibility rules of {@link CustomerAccess}. */
@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final AssignmentRepository assignments;
    private final TierClassifier tiers;
    private final CustomerAccess access;
    private final ManagerService managers;
    private final Paging paging;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CustomerService(CustomerRepository customers, AssignmentRepository assignments, TierClassifier tiers,
                    CustomerAccess access, ManagerService managers, Paging paging, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.customers = customers;
        this.assignments = assignments;
        this.tiers = tiers;
        this.access = access;
        this.managers = managers;
        this.paging = paging;
        this.clock = clock;
    }

    /** Creates a customer; the tier is decided from the profile. */
    @Transactional
    public Customer create(CustomerInput.CreateCustomerInput input) {
        CustomerProfile profile = input.toProfile();
        return customers.save(Customer.create(profile, tiers.classify(profile), clock.instant()));
    }

    /** Changes the profile and decides the tier again. A MANAGER may change only their own customers. */
    @Transactional
    Customer update(long id, Long expectedVersion, java.util.function.UnaryOperator<CustomerProfile> change) {
        Customer customer = customers.findById(id).orElseThrow(() -> DomainException.notFound("input.id", "customer", id));
        if (!CurrentUser.hasAnyRole(Role.SUPERVISOR, Role.ADMIN) && !ownedByCaller(customer)) {
            throw DomainException.forbidden("error.customer.notYours");
        }
        if (expectedVersion != null && expectedVersion != customer.getVersion()) {
            throw DomainException.conflict("input.expectedVersion", "VERSION", "error.customer.stale", customer.getVersion());
        }
        CustomerProfile profile = change.apply(customer.profile());
        Tier before = customer.getTier();
        customer.applyProfile(profile, tiers.classify(profile), clock.instant());
        if (customer.getTier() != before) {
            events.publishEvent(new CustomerTierChanged(customer.getId(), before, customer.getTier()));
        }
        return customers.saveAndFlush(customer);
    }

    /** The customers with these ids, whoever asks (for modules that check access themselves), in one statement. */
    @Transactional(readOnly = true)
    public Map<Long, Customer> byIds(Collection<Long> ids) {
        return customers.findAllById(ids.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(Customer::getId, java.util.function.Function.identity()));
    }

    /** Whether the caller's roles let them see every contact in clear (cms.customers.contact-readers). */
    public boolean seesAllContacts() {
        return access.seesAllContacts();
    }

    /** One customer, if the caller may see it. */
    @Transactional(readOnly = true)
    Optional<Customer> find(long id) {
        Optional<Customer> customer = customers.findById(id);
        if (customer.isPresent() && !access.seesAllCustomers() && !ownedByCaller(customer.get())) {
            throw DomainException.forbidden("error.customer.notYours");
        }
        return customer;
    }

    @Transactional(readOnly = true)
    Connection<Customer> page(CustomerFilter filter, CustomerSort sort, PageArgs args) {
        CustomerFilter f = filter == null ? new CustomerFilter(null, null, null, null, null, null) : filter;
        CustomerSort s = sort == null ? new CustomerSort(null, null) : sort;
        Specification<Customer> spec = f.toSpecification();
        if (!access.seesAllCustomers()) {
            Long own = access.callerAsManager().map(CustomerManager::getId).orElse(-1L);
            spec = spec.and((root, q, cb) -> cb.equal(root.get("managerId"), own));
        }
        return paging.page(Customer.class, spec, s.toSort(), args);
    }

    /** The contacts of these customers, masked where the caller is not entitled to see them. */
    @Transactional(readOnly = true)
    Map<Long, List<Contact>> contacts(Collection<Customer> batch) {
        Map<Long, List<Contact>> clear = customers.findWithContacts(batch.stream().map(Customer::getId).toList()).stream()
                .collect(Collectors.toMap(Customer::getId, c -> List.copyOf(c.contacts())));
        if (access.seesAllContacts()) {
            return clear;
        }
        String me = CurrentUser.id();
        Map<Long, CustomerManager> owners = managers.byIds(batch.stream().map(Customer::getManagerId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        java.util.Set<Long> supervised = managers.supervisedBy(me, owners.values());
        Map<Long, List<Contact>> result = new HashMap<>();
        for (Customer c : batch) {
            CustomerManager owner = c.getManagerId() == null ? null : owners.get(c.getManagerId());
            List<Contact> list = clear.getOrDefault(c.getId(), List.of());
            boolean entitled = owner != null && (me.equals(owner.getUserId()) || supervised.contains(owner.getId()));
            result.put(c.getId(), entitled ? list : list.stream().map(Contact::masked).toList());
        }
        return result;
    }

    @Transactional(readOnly = true)
    Map<Long, List<Assignment>> assignmentHistories(Collection<Long> customerIds) {
        return assignments.findByCustomerIdInOrderByAssignedAtAscIdAsc(customerIds).stream()
                .collect(Collectors.groupingBy(Assignment::getCustomerId));
    }

    @Transactional(readOnly = true)
    Map<Long, List<Customer>> customersOf(Collection<Long> managerIds) {
        return customers.findByManagerIdInOrderByNameAscIdAsc(managerIds).stream()
                .collect(Collectors.groupingBy(Customer::getManagerId));
    }

    @Transactional(readOnly = true)
    Map<Long, Integer> customerCounts(Collection<Long> managerIds) {
        Map<Long, Integer> counts = new HashMap<>();
        for (Object[] row : customers.countByManagers(managerIds)) {
            counts.put((Long) row[0], ((Number) row[1]).intValue());
        }
        return counts;
    }

    private boolean ownedByCaller(Customer customer) {
        if (customer.getManagerId() == null) {
            return false;
        }
        return access.callerAsManager().map(m -> m.getId().equals(customer.getManagerId())).orElse(false);
    }
}
