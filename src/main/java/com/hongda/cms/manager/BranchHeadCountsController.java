package com.hongda.cms.manager;

import com.hongda.cms.branch.Branch;
import com.hongda.cms.common.Batches;
import com.hongda.cms.security.Access;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * A branch's head counts: managers per grade and status. They live here, not in the branch module,
 * because the managers refer to branches and not the other way round.
 */
@Controller
@SchemaMapping(typeName = "Branch")
class BranchHeadCountsController {

    private final ManagerService managers;

    BranchHeadCountsController(ManagerService managers) {
        this.managers = managers;
    }

    /** Staff roles; empty for others (a candidate choosing a branch). */
    @BatchMapping
    Map<Branch, List<ManagerService.HeadCount>> headCounts(List<Branch> branches) {
        Map<Long, List<ManagerService.HeadCount>> counts = Access.isStaff()
                ? managers.headCounts(branches.stream().map(Branch::getId).toList()) : Map.of();
        return Batches.pair(branches, Branch::getId, counts, List.of());
    }
}
