package com.hongda.cms.customer;

import com.hongda.cms.common.Batches;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The {@code CustomerReassignmentItem} type: one customer of a case, where it went, and where it could go. */
@Controller
@SchemaMapping(typeName = "CustomerReassignmentItem")
class ReassignmentItemController {

    private final Reassignments reassignments;
    private final CustomerRepository customers;
    private final ManagerService managers;

    ReassignmentItemController(Reassignments reassignments, CustomerRepository customers, ManagerService managers) {
        this.reassignments = reassignments;
        this.customers = customers;
        this.managers = managers;
    }

    @BatchMapping
    Map<ReassignmentItem, Customer> customer(List<ReassignmentItem> batch) {
        Map<Long, Customer> byId = customers.findAllById(batch.stream().map(ReassignmentItem::getCustomerId).distinct().toList()).stream()
                .collect(Collectors.toMap(Customer::getId, Function.identity()));
        return Batches.pair(batch, ReassignmentItem::getCustomerId, byId, null);
    }

    @BatchMapping
    Map<ReassignmentItem, CustomerManager> movedTo(List<ReassignmentItem> batch) {
        return Batches.pair(batch, ReassignmentItem::getMovedToManagerId, managers.byIds(batch.stream()
                .map(ReassignmentItem::getMovedToManagerId).filter(Objects::nonNull).distinct().toList()), null);
    }

    @BatchMapping
    Map<ReassignmentItem, List<CustomerManager>> suggestions(List<ReassignmentItem> batch) {
        return Batches.pair(batch, ReassignmentItem::getId, reassignments.suggestions(batch), List.of());
    }
}
