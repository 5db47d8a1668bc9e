package com.hongda.cms.customer;

import com.hongda.cms.common.Batches;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The {@code Assignment} type: one period in which a manager served a customer. */
@Controller
@SchemaMapping(typeName = "Assignment")
class AssignmentController {

    private final ManagerService managers;

    AssignmentController(ManagerService managers) {
        this.managers = managers;
    }

    @SchemaMapping
    String id(Assignment assignment) {
        return String.valueOf(assignment.getId());
    }

    @BatchMapping
    Map<Assignment, CustomerManager> manager(List<Assignment> batch) {
        Map<Long, CustomerManager> byId = managers.byIds(batch.stream().map(Assignment::getManagerId).distinct().toList());
        return Batches.pair(batch, Assignment::getManagerId, byId, null);
    }
}
