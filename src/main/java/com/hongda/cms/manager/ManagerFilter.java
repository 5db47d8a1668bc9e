package com.hongda.cms.manager;

import com.hongda.cms.common.Region;
import com.hongda.cms.common.Specs;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/** The filters of the {@code managers} query; every one is backed by an index. */
public record ManagerFilter(List<Grade> grades, List<ManagerStatus> statuses, String branch, Region region,
                            String supervisorId, String nameContains) {

    Specification<CustomerManager> toSpecification() {
        return Specification.allOf(
                Specs.in("grade", grades),
                Specs.in("status", statuses),
                Specs.equal("branch", branch),
                Specs.equal("region", region),
                Specs.equal("supervisorUserId", supervisorId),
                Specs.contains("filter.nameContains", "name", nameContains));
    }
}
