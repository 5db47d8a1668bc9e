package com.hongda.cms.customer;

import com.hongda.cms.common.Region;
import com.hongda.cms.customer.CustomerInput.CreateCustomerInput;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Test helper of {@link AtomicityTest}: writes a customer, starts a process, then fails or not, in one transaction. */
@Component
class CustomerAndProcess {

    private final CustomerService customers;
    private final RuntimeService runtime;

    CustomerAndProcess(CustomerService customers, RuntimeService runtime) {
        this.customers = customers;
        this.runtime = runtime;
    }

    @Transactional
    public void write(String name, boolean failAfterBothWrites) {
        Customer c = customers.create(new CreateCustomerInput(name, CustomerType.ENTERPRISE, Industry.OTHER,
                Region.URBAN, 5, BigDecimal.TEN, List.of()));
        runtime.startProcessInstanceByKey("atomicity-probe", name, Map.of("customerId", c.getId()));
        if (failAfterBothWrites) {
            throw new IllegalStateException("forced failure after both writes");
        }
    }
}
