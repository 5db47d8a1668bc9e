package com.hongda.cms.visit;

import com.hongda.cms.common.Batches;
import com.hongda.cms.common.Connection;
import com.hongda.cms.common.Ids;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.customer.Customer;
import com.hongda.cms.customer.CustomerService;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.security.CurrentUser;
import com.hongda.cms.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The {@code CustomerVisit} type, its query and mutations, the visit fields of {@code Customer} and {@code Manager.overdueVisits}. */
@Controller
@SchemaMapping(typeName = "CustomerVisit")
class VisitController {

    private final Visits visits;
    private final VisitSchedules schedules;
    private final CustomerService customers;
    private final ManagerService managers;

    VisitController(Visits visits, VisitSchedules schedules, CustomerService customers, ManagerService managers) {
        this.visits = visits;
        this.schedules = schedules;
        this.customers = customers;
        this.managers = managers;
    }

    record PlanInput(@NotBlank @Size(max = 20) String customerId, @NotNull LocalDate plannedOn, @NotNull VisitKind kind,
                     @NotBlank @Size(max = 500) String purpose) {
    }

    record FollowUpInput(@NotBlank @Size(max = 500) String action, @NotNull LocalDate dueOn) {
    }

    record LogInput(@Size(max = 20) String visitId, @Size(max = 20) String customerId, @NotNull LocalDate visitedOn, VisitKind kind,
                    @Size(min = 1, max = 500) String purpose, @Size(max = 2000) String notes,
                    @Size(max = 20) List<@Valid FollowUpInput> followUps) {
    }

    record FilterInput(@Size(max = 20) String customerId, @Size(max = 20) String managerId, LocalDate from, LocalDate to) {
    }

    record Payload(Visit visit) {
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('MANAGER','SUPERVISOR','ADMIN')")
    Payload planVisit(@Argument @Valid PlanInput input) {
        return new Payload(visits.plan(Ids.parse("input.customerId", input.customerId()), input.plannedOn(), input.kind(),
                input.purpose().strip(), CurrentUser.id()));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('MANAGER','SUPERVISOR','ADMIN')")
    Payload logVisit(@Argument @Valid LogInput input) {
        List<FollowUp> followUps = input.followUps() == null ? List.of()
                : input.followUps().stream().map(f -> new FollowUp(f.action().strip(), f.dueOn())).toList();
        String purpose = input.purpose() == null ? null : input.purpose().strip();
        if (purpose != null && purpose.isEmpty()) {
            throw com.hongda.cms.common.DomainException.badRequest("input.purpose", "REQUIRED", "error.visit.required");
        }
        String notes = input.notes() == null || input.notes().isBlank() ? null : input.notes().strip();
        return new Payload(visits.log(Ids.optional("input.visitId", input.visitId()), Ids.optional("input.customerId", input.customerId()),
                new Visits.Report(input.kind(), purpose, input.visitedOn(), notes, followUps), CurrentUser.id()));
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    Connection<Visit> customerVisits(@Argument @Valid FilterInput filter, @Argument Integer first, @Argument String after,
                                     @Argument Integer last, @Argument String before) {
        FilterInput f = filter == null ? new FilterInput(null, null, null, null) : filter;
        return visits.page(new Visits.Filter(Ids.optional("filter.customerId", f.customerId()), Ids.optional("filter.managerId", f.managerId()), f.from(), f.to()),
                new PageArgs(first, after, last, before));
    }

    @SchemaMapping
    String id(Visit v) {
        return String.valueOf(v.getId());
    }

    @BatchMapping
    Map<Visit, Customer> customer(List<Visit> batch) {
        return Batches.pair(batch, Visit::getCustomerId, customers.byIds(ids(batch, Visit::getCustomerId)), null);
    }

    @BatchMapping
    Map<Visit, CustomerManager> manager(List<Visit> batch) {
        return Batches.pair(batch, Visit::getManagerId, managers.byIds(ids(batch, Visit::getManagerId)), null);
    }

    @BatchMapping
    Map<Visit, List<FollowUp>> followUps(List<Visit> batch) {
        return Batches.pair(batch, Visit::getId, visits.followUps(ids(batch, Visit::getId)), List.of());
    }

    @BatchMapping(typeName = "Customer")
    Map<Customer, LocalDate> lastVisitOn(List<Customer> batch) {
        return perCustomer(batch, VisitSchedule::getLastVisitOn);
    }

    @BatchMapping(typeName = "Customer")
    Map<Customer, LocalDate> nextVisitDue(List<Customer> batch) {
        return perCustomer(batch, VisitSchedule::getNextVisitDue);
    }

    @BatchMapping(typeName = "Customer")
    Map<Customer, Boolean> visitOverdue(List<Customer> batch) {
        LocalDate today = schedules.today();
        return perCustomer(batch, s -> s.getNextVisitDue() == null ? null : s.overdue(today));
    }

    /** A value of each customer's schedule, in one statement; none for a customer without one. */
    private <T> Map<Customer, T> perCustomer(List<Customer> batch, Function<VisitSchedule, T> value) {
        Map<Long, VisitSchedule> found = schedules.of(ids(batch, Customer::getId));
        Map<Customer, T> out = new HashMap<>();
        for (Customer c : batch) {
            VisitSchedule s = found.get(c.getId());
            out.put(c, s == null ? null : value.apply(s));
        }
        return out;
    }

    /** HR, AUDITOR and ADMIN see every manager's count, a SUPERVISOR those of the managers they supervise; null for the rest. */
    @BatchMapping(typeName = "Manager")
    Map<CustomerManager, Integer> overdueVisits(List<CustomerManager> batch) {
        List<CustomerManager> visible;
        if (CurrentUser.hasAnyRole(Role.HR, Role.AUDITOR, Role.ADMIN)) {
            visible = batch;
        } else if (CurrentUser.hasAnyRole(Role.SUPERVISOR)) {
            Set<Long> supervised = managers.supervisedBy(CurrentUser.id(), batch);
            visible = batch.stream().filter(m -> supervised.contains(m.getId())).toList();
        } else {
            visible = List.of();
        }
        Map<Long, Integer> counts = schedules.overdueCounts(ids(visible, CustomerManager::getId));
        Map<CustomerManager, Integer> out = new HashMap<>();
        batch.forEach(m -> out.put(m, counts.get(m.getId())));
        return out;
    }

    private static <T> List<Long> ids(List<T> batch, Function<T, Long> id) {
        return batch.stream().map(id).filter(Objects::nonNull).distinct().toList();
    }

}
