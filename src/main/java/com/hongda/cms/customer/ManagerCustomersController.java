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
    private final AssignmentPolicy policy;

    ManagerCustomersController(CustomerService customers, CustomerAccess access, AssignmentPolicy policy) {
        this.customers = customers;
        this.access = access;
        this.policy = policy;
    }

    /**
     * The manager's current customers. A caller who may not see all customers gets only their
     * own: other managers' customer lists come back empty.
     */
    @BatchMapping
    Map<CustomerManager, List<Customer>> customers(List<CustomerManager> batch) {
        List<CustomerManager> visible = access.seesAllCustomers() ? batch
                : access.callerAsManager().map(me -> batch.stream().filter(me::equals).toList()).orElse(List.of());
        Map<Long, List<Customer>> owned = visible.isEmpty() ? Map.of()
                : customers.customersOf(visible.stream().map(CustomerManager::getId).toList());
        return Batches.pair(batch, CustomerManager::getId, owned, List.of());
    }

    @BatchMapping
    Map<CustomerManager, Integer> customerCount(List<CustomerManager> batch) {
        return Batches.pair(batch, CustomerManager::getId,
                customers.customerCounts(batch.stream().map(CustomerManager::getId).toList()), 0);
    }

    @SchemaMapping
    int capacity(CustomerManager manager) {
        return policy.capacityOf(manager.getRegion());
    }
}
