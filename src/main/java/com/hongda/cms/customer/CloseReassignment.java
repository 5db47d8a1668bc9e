package com.hongda.cms.customer;

import com.hongda.cms.workflow.DecidedBy;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The supervisor's "Reassign customers" task completing: refused while a listed customer is still with
 * the manager (CONFLICT CUSTOMERS_REMAIN), otherwise the case is closed by whoever completed it
 * (see {@link Reassignments#close}).
 */
@Component("customerReassignmentClose")
class CloseReassignment implements TaskListener {

    private final Reassignments reassignments;
    private final IdentityService identity;

    CloseReassignment(Reassignments reassignments, IdentityService identity) {
        this.reassignments = reassignments;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        reassignments.close(((Number) task.getVariable(Reassignments.ID_VARIABLE)).longValue(), DecidedBy.actor(identity, task));
    }
}
