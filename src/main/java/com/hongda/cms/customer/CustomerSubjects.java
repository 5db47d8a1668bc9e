package com.hongda.cms.customer;

import com.hongda.cms.workflow.Subject;
import com.hongda.cms.workflow.SubjectResolver;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Resolves workflow subjects of type CUSTOMER. Contacts stay masked by the Customer type's own rules. */
@Component
class CustomerSubjects implements SubjectResolver {

    private final CustomerRepository customers;

    CustomerSubjects(CustomerRepository customers) {
        this.customers = customers;
    }

    @Override
    public String type() {
        return Subject.CUSTOMER;
    }

    @Override
    public Class<?> javaType() {
        return Customer.class;
    }

    @Override
    public String graphQlType() {
        return "Customer";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> resolve(Collection<String> ids) {
        List<Long> numeric = ids.stream().filter(s -> s.matches("\\d{1,18}")).map(Long::valueOf).toList();
        Map<String, Object> result = new HashMap<>();
        customers.findAllById(numeric).forEach(c -> result.put(c.getId().toString(), c));
        return result;
    }
}
