package com.hongda.cms.customer;

import com.hongda.cms.workflow.NumericSubjects;
import com.hongda.cms.workflow.Subject;
import org.springframework.stereotype.Component;

/** Resolves workflow subjects of type CUSTOMER. */
@Component
class CustomerSubjects extends NumericSubjects<Customer> {

    CustomerSubjects(CustomerRepository customers) {
        super(Subject.CUSTOMER, Customer.class, "Customer", customers::findAllById, Customer::getId);
    }
}
