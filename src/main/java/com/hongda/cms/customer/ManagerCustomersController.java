package com.hongda.cms.customer;

import com.hongda.cms.common.Batches;
import com.hongda.cms.manager.CustomerManager;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The customer side of the {@code Manager} type. It lives here, not in the manager module, so that
 * customers depend on managers and never the other way round.
 */
@Controller
@SchemaMapping(typeName = "Manager")
class ManagerCustomersController {

    private final CustomerService customers;
    private final CustomerAccess access;

    ManagerCustomersController(CustomerService customers, CustomerAccess access) {
        this.customers = customers;
        this.access = access;
    }

    /**
     * The manager's current customers. A caller who may not see all customers gets only their
     * own: other managers' customer lists come back empty.
     */
    @BatchMapping
    Map<CustomerManager, List<Customer>> customers(List<CustomerManager> batch) {
        List<Long> visible = visible(batch);
        Map<Long, List<Customer>> owned = visible.isEmpty() ? Map.of() : customers.customersOf(visible);
        return Batches.pair(batch, CustomerManager::getId, owned, List.of());
    }

    /** The number of the manager's customers the caller may see: the length of {@code customers}, by the same rule. */
    @BatchMapping
    Map<CustomerManager, Integer> customerCount(List<CustomerManager> batch) {
        List<Long> visible = visible(batch);
        return Batches.pair(batch, CustomerManager::getId, visible.isEmpty() ? Map.of() : customers.customerCounts(visible), 0);
    }

    /** The managers of the batch whose customers the caller may see: all, or only the caller's own record. */
    private List<Long> visible(List<CustomerManager> batch) {
        List<CustomerManager> visible = access.seesAllCustomers() ? batch
                : access.callerAsManager().map(me -> batch.stream().filter(me::equals).toList()).orElse(List.of());
        return visible.stream().map(CustomerManager::getId).toList();
    }
}
