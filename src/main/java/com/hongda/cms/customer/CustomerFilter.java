package com.hongda.cms.customer;

import com.hongda.cms.common.Ids;
import com.hongda.cms.common.Region;
import com.hongda.cms.common.Specs;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/** The filters of the {@code customers} query; every one is backed by an index. */
record CustomerFilter(List<Tier> tiers, Region region, List<CustomerType> types, String managerId,
                      Boolean assigned, String nameContains) {

    Specification<Customer> toSpecification() {
        Specification<Customer> assignedSpec = assigned == null ? null
                : (root, q, cb) -> assigned ? cb.isNotNull(root.get("managerId")) : cb.isNull(root.get("managerId"));
        return Specification.allOf(
                Specs.in("tier", tiers),
                Specs.equal("region", region),
                Specs.in("type", types),
                managerId == null ? null : Specs.equal("managerId", Ids.parse("filter.managerId", managerId)),
                assignedSpec,
                Specs.contains("filter.nameContains", "name", nameContains));
    }
}
