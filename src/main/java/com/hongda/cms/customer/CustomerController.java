package com.hongda.cms.customer;

import com.hongda.cms.common.Texts;
import com.hongda.cms.common.Batches;
import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.Ids;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.customer.CustomerInput.AssignCustomerInput;
import com.hongda.cms.customer.CustomerInput.CreateCustomerInput;
import com.hongda.cms.customer.CustomerInput.UpdateCustomerInput;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.security.Access;
import com.hongda.cms.security.CurrentUser;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The {@code Customer} type, its queries and the mutations that create, change and assign customers. */
@Controller
@SchemaMapping(typeName = "Customer")
class CustomerController {

    private final CustomerService customers;
    private final AssignmentService assignments;
    private final ManagerService managers;

    CustomerController(CustomerService customers, AssignmentService assignments, ManagerService managers) {
        this.customers = customers;
        this.assignments = assignments;
        this.managers = managers;
    }

    /** Payload of the customer mutations. */
    record CustomerPayload(Customer customer) {
    }

    /** Payload of the assignment mutations. */
    record AssignmentPayload(Customer customer, Assignment assignment) {
    }

    @QueryMapping
    @PreAuthorize(Access.CUSTOMER_READERS)
    Customer customer(@Argument String id) {
        long customerId = Ids.parse("id", id);
        return customers.find(customerId).orElseThrow(() -> DomainException.notFound("id", "customer", customerId));
    }

    @QueryMapping
    @PreAuthorize(Access.CUSTOMER_READERS)
    Connection<Customer> customers(@Argument CustomerFilter filter, @Argument CustomerSort sort,
                                   @Argument Integer first, @Argument String after,
                                   @Argument Integer last, @Argument String before) {
        return customers.page(filter, sort, new PageArgs(first, after, last, before));
    }

    @MutationMapping
    @PreAuthorize(Access.CUSTOMER_EDITORS)
    CustomerPayload createCustomer(@Argument @Valid CreateCustomerInput input) {
        return new CustomerPayload(customers.create(input));
    }

    @MutationMapping
    @PreAuthorize(Access.CUSTOMER_EDITORS)
    CustomerPayload updateCustomer(@Argument @Valid UpdateCustomerInput input) {
        long id = Ids.parse("input.id", input.id());
        return new CustomerPayload(customers.update(id, input.expectedVersion(), input::applyTo));
    }

    @MutationMapping
    @PreAuthorize(Access.ASSIGNERS)
    AssignmentPayload assignCustomer(@Argument @Valid AssignCustomerInput input) {
        Assignment a = assignments.assign(Ids.parse("input.customerId", input.customerId()),
                Ids.parse("input.managerId", input.managerId()), Texts.blankToNull(input.reason()), CurrentUser.id());
        return payload(a);
    }

    @MutationMapping
    @PreAuthorize(Access.ASSIGNERS)
    AssignmentPayload reassignCustomer(@Argument @Valid AssignCustomerInput input) {
        Assignment a = assignments.reassign(Ids.parse("input.customerId", input.customerId()),
                Ids.parse("input.managerId", input.managerId()), Texts.blankToNull(input.reason()), CurrentUser.id());
        return payload(a);
    }

    private AssignmentPayload payload(Assignment a) {
        return new AssignmentPayload(customers.find(a.getCustomerId()).orElseThrow(), a);
    }

    @SchemaMapping
    String id(Customer customer) {
        return String.valueOf(customer.getId());
    }

    @SchemaMapping
    double monthlyRevenue(Customer customer) {
        return customer.getMonthlyRevenue().doubleValue();
    }

    @BatchMapping
    Map<Customer, CustomerManager> manager(List<Customer> batch) {
        Map<Long, CustomerManager> byId = managers.byIds(batch.stream().map(Customer::getManagerId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return Batches.pair(batch, Customer::getManagerId, byId, null);
    }

    @BatchMapping
    Map<Customer, List<Contact>> contacts(List<Customer> batch) {
        return Batches.pair(batch, Customer::getId, customers.contacts(batch), List.of());
    }

    @BatchMapping
    Map<Customer, List<Assignment>> assignments(List<Customer> batch) {
        Map<Long, List<Assignment>> histories = customers.assignmentHistories(batch.stream().map(Customer::getId).toList());
        return Batches.pair(batch, Customer::getId, histories, List.of());
    }
}
