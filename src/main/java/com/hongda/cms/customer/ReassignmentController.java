package com.hongda.cms.customer;

import com.hongda.cms.common.Batches;
import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.Ids;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.security.Access;
import com.hongda.cms.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The {@code CustomerReassignment} type, its queries and {@code reassignCustomers}. */
@Controller
@SchemaMapping(typeName = "CustomerReassignment")
class ReassignmentController {

    private final Reassignments reassignments;
    private final ManagerService managers;

    ReassignmentController(Reassignments reassignments, ManagerService managers) {
        this.reassignments = reassignments;
        this.managers = managers;
    }

    record FilterInput(@Size(max = 20) String managerId, ReassignmentState state) {
    }

    record MoveInput(@NotNull @Size(max = 20) String customerId, @NotNull @Size(max = 20) String managerId) {
    }

    record ReassignInput(@NotNull @Size(max = 20) String reassignmentId,
                         @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull MoveInput> moves) {
    }

    record ReassignPayload(CustomerReassignment reassignment) {
    }

    record OpenInput(@NotNull @Size(max = 20) String managerId, @NotNull @Size(min = 1, max = 200) List<@NotNull @Size(max = 20) String> customerIds) {
    }

    @MutationMapping
    @PreAuthorize(Access.ASSIGNERS)
    ReassignPayload openCustomerReassignment(@Argument @Valid OpenInput input) {
        List<Long> customers = IntStream.range(0, input.customerIds().size())
                .mapToObj(i -> Ids.parse("input.customerIds[" + i + "]", input.customerIds().get(i))).distinct().toList();
        return new ReassignPayload(reassignments.decide(Ids.parse("input.managerId", input.managerId()), customers, CurrentUser.id()));
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    CustomerReassignment customerReassignment(@Argument String id) {
        long reassignmentId = Ids.parse("id", id);
        return reassignments.find(reassignmentId).orElseThrow(() -> DomainException.notFound("id", "reassignment", reassignmentId));
    }

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    Connection<CustomerReassignment> customerReassignments(@Argument @Valid FilterInput filter, @Argument Integer first,
                                                           @Argument String after, @Argument Integer last, @Argument String before) {
        FilterInput f = filter == null ? new FilterInput(null, null) : filter;
        Long manager = Ids.optional("filter.managerId", f.managerId());
        return reassignments.page(new Reassignments.Filter(manager, f.state()), new PageArgs(first, after, last, before));
    }

    @MutationMapping
    @PreAuthorize(Access.ASSIGNERS)
    ReassignPayload reassignCustomers(@Argument @Valid ReassignInput input) {
        long id = Ids.parse("input.reassignmentId", input.reassignmentId());
        List<Reassignments.Move> moves = IntStream.range(0, input.moves().size()).mapToObj(i -> new Reassignments.Move(i,
                Ids.parse("input.moves[" + i + "].customerId", input.moves().get(i).customerId()),
                Ids.parse("input.moves[" + i + "].managerId", input.moves().get(i).managerId()))).toList();
        return new ReassignPayload(reassignments.reassign(id, moves, CurrentUser.id()));
    }

    @SchemaMapping
    String id(CustomerReassignment r) {
        return String.valueOf(r.getId());
    }

    @BatchMapping
    Map<CustomerReassignment, CustomerManager> manager(List<CustomerReassignment> batch) {
        return Batches.pair(batch, CustomerReassignment::getManagerId,
                managers.byIds(batch.stream().map(CustomerReassignment::getManagerId).distinct().toList()), null);
    }

    @BatchMapping
    Map<CustomerReassignment, List<ReassignmentItem>> items(List<CustomerReassignment> batch) {
        return Batches.pair(batch, CustomerReassignment::getId, reassignments.items(batch.stream().map(CustomerReassignment::getId).toList()),
                List.of());
    }
}
