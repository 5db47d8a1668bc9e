package com.hongda.cms.complaint;

import com.hongda.cms.branch.Branch;
import com.hongda.cms.branch.Branches;
import com.hongda.cms.common.Batches;
import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The {@code Complaint} type, its queries and mutations, the figures, and {@code Customer.complaints}. */
@Controller
@SchemaMapping(typeName = "Complaint")
class ComplaintController {

    private final Complaints complaints;
    private final ComplaintQueries queries;
    private final CustomerService customers;
    private final ManagerService managers;
    private final Branches branches;
    private final Clock clock;

    ComplaintController(Complaints complaints, ComplaintQueries queries, CustomerService customers, ManagerService managers,
                        Branches branches, Clock clock) {
        this.complaints = complaints;
        this.queries = queries;
        this.customers = customers;
        this.managers = managers;
        this.branches = branches;
        this.clock = clock;
    }

    record RegisterInput(@Size(max = 20) String customerId, @Size(max = 20) String managerId, @NotNull Channel channel,
                         @NotNull Category category, @NotNull Severity severity, @NotBlank @Size(max = 2000) String description,
                         @NotBlank @Size(max = 100) String complainantName, @NotBlank @Size(max = 200) String complainantContact) {
    }

    record RerouteInput(@NotBlank @Size(max = 20) String complaintId, @Size(max = 64) String handlerUserId, Role group,
                        @NotBlank @Size(max = 500) String reason) {
    }

    record LinkInput(@NotBlank @Size(max = 20) String complaintId, @NotBlank @Size(max = 20) String customerId) {
    }

    record FilterInput(@Size(max = 3) List<ComplaintState> states, @Size(max = 20) String branchId, @Size(max = 20) String managerId,
                       @Size(max = 20) String customerId, Integer minLevel) {
    }

    record FiguresFilterInput(@NotNull LocalDate from, @NotNull LocalDate to, @Size(max = 20) String branchId,
                              @Size(max = 20) String managerId, @Size(max = 8) String tier) {
    }

    record Payload(Complaint complaint) {
    }

    /** A complaint's SLA now, as the schema's {@code ComplaintSla}. */
    record Sla(String clock, Instant firstResponseDue, Instant resolutionDue, Instant runningDue, Integer minutesLeft, boolean breached,
               int level) {
    }

    /** An escalation as the schema shows it. */
    record Escalation(int level, String kind, Instant escalatedAt, List<String> notified) {
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('SERVICE_DESK','MANAGER','ADMIN')")
    Payload registerComplaint(@Argument @Valid RegisterInput input) {
        return new Payload(complaints.register(new NewComplaint(Ids.optional("input.customerId", input.customerId()), Ids.optional("input.managerId", input.managerId()),
                input.channel(), input.category(), input.severity(), input.description().strip(), input.complainantName().strip(),
                input.complainantContact().strip()), CurrentUser.id()));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('SERVICE_DESK','ADMIN')")
    Payload rerouteComplaint(@Argument @Valid RerouteInput input) {
        return new Payload(complaints.reroute(Ids.parse("input.complaintId", input.complaintId()), input.handlerUserId(), input.group(),
                input.reason(), CurrentUser.id()));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('SERVICE_DESK','ADMIN')")
    Payload linkComplaintCustomer(@Argument @Valid LinkInput input) {
        return new Payload(complaints.link(Ids.parse("input.complaintId", input.complaintId()), Ids.parse("input.customerId", input.customerId())));
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    Complaint complaint(@Argument String id) {
        long complaintId = Ids.parse("id", id);
        return queries.find(complaintId).orElseThrow(() -> DomainException.notFound("id", "complaint", complaintId));
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    Connection<Complaint> complaints(@Argument @Valid FilterInput filter, @Argument ComplaintQueries.Order sort, @Argument Integer first,
                                     @Argument String after, @Argument Integer last, @Argument String before) {
        FilterInput f = filter == null ? new FilterInput(null, null, null, null, null) : filter;
        if (f.minLevel() != null && (f.minLevel() < 0 || f.minLevel() > 3)) {
            throw DomainException.badRequest("filter.minLevel", "RANGE", "error.complaint.level");
        }
        return queries.page(new ComplaintQueries.Filter(f.states(), Ids.optional("filter.branchId", f.branchId()), Ids.optional("filter.managerId", f.managerId()),
                Ids.optional("filter.customerId", f.customerId()), f.minLevel()), sort, new PageArgs(first, after, last, before));
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('SERVICE_DESK','SERVICE_DIRECTOR','SUPERVISOR','HR','AUDITOR','ADMIN')")
    List<ComplaintQueries.Figures> complaintFigures(@Argument @Valid FiguresFilterInput filter, @Argument ComplaintQueries.Grouping groupBy) {
        return queries.figures(new ComplaintQueries.FiguresFilter(filter.from(), filter.to(), Ids.optional("filter.branchId", filter.branchId()),
                Ids.optional("filter.managerId", filter.managerId()), filter.tier()), groupBy);
    }

    @SchemaMapping(typeName = "Customer")
    Connection<Complaint> complaints(Customer customer, @Argument Integer first, @Argument String after) {
        return queries.page(new ComplaintQueries.Filter(null, null, null, customer.getId(), null), ComplaintQueries.Order.NEWEST,
                new PageArgs(first, after, null, null));
    }

    @SchemaMapping
    String id(Complaint c) {
        return String.valueOf(c.getId());
    }

    @BatchMapping
    Map<Complaint, Customer> customer(List<Complaint> batch) {
        return Batches.pair(batch, Complaint::getCustomerId, customers.byIds(ids(batch, Complaint::getCustomerId)), null);
    }

    @BatchMapping
    Map<Complaint, CustomerManager> manager(List<Complaint> batch) {
        return Batches.pair(batch, Complaint::getManagerId, managers.byIds(ids(batch, Complaint::getManagerId)), null);
    }

    @BatchMapping
    Map<Complaint, CustomerManager> responsibleManager(List<Complaint> batch) {
        return Batches.pair(batch, Complaint::getResponsibleManagerId, managers.byIds(ids(batch, Complaint::getResponsibleManagerId)), null);
    }

    @BatchMapping
    Map<Complaint, Branch> branch(List<Complaint> batch) {
        return Batches.pair(batch, Complaint::getBranchId, branches.byIds(ids(batch, Complaint::getBranchId)), null);
    }

    @BatchMapping
    Map<Complaint, String> complainantContact(List<Complaint> batch) {
        return queries.contacts(batch);
    }

    @SchemaMapping
    Sla sla(Complaint c) {
        Instant now = clock.instant();
        Instant running = c.runningDue();
        return new Sla(c.getSlaClock(), c.getFirstResponseDue(), c.getResolutionDue(), running,
                running == null ? null : (int) Duration.between(now, running).toMinutes(), c.breached(now), c.getEscalationLevel());
    }

    @BatchMapping
    Map<Complaint, List<Escalation>> escalations(List<Complaint> batch) {
        Map<Long, List<Escalation>> byId = new java.util.HashMap<>();
        queries.escalations(batch.stream().map(Complaint::getId).toList()).forEach((id, list) -> byId.put(id, list.stream()
                .map(e -> new Escalation(e.getLevel(), e.getKind(), e.getEscalatedAt(), Arrays.asList(e.getNotified().split(",")))).toList()));
        return Batches.pair(batch, Complaint::getId, byId, List.of());
    }

    @BatchMapping
    Map<Complaint, List<ComplaintRoute>> routes(List<Complaint> batch) {
        return Batches.pair(batch, Complaint::getId, queries.routes(batch.stream().map(Complaint::getId).toList()), List.of());
    }

    private static List<Long> ids(List<Complaint> batch, Function<Complaint, Long> id) {
        return batch.stream().map(id).filter(java.util.Objects::nonNull).distinct().toList();
    }

}
