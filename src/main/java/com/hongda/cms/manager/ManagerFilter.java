package com.hongda.cms.manager;

import com.hongda.cms.common.Region;
import com.hongda.cms.common.Specs;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/** The filters of the {@code managers} query; every one is backed by an index. */
public record ManagerFilter(List<Grade> grades, List<ManagerStatus> statuses, String branchId, Region region,
                            String supervisorId, String nameContains) {

    Specification<CustomerManager> toSpecification() {
        return Specification.allOf(
                Specs.in("grade", grades),
                Specs.in("status", statuses),
                branchId == null ? null : Specs.equal("branchId", com.hongda.cms.common.Ids.parse("filter.branchId", branchId)),
                Specs.equal("region", region),
                Specs.equal("supervisorUserId", supervisorId),
                Specs.contains("filter.nameContains", "name", nameContains));
    }
}
