package com.hongda.cms.customer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** customer-reassignment, "Escalate the task": past the due date (see {@link Reassignments#escalate}). */
@Component("customerReassignmentEscalate")
class EscalateReassignment implements JavaDelegate {

    private final Reassignments reassignments;

    EscalateReassignment(Reassignments reassignments) {
        this.reassignments = reassignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reassignments.escalate(execution.getProcessInstanceId(), ((Number) execution.getVariable(Reassignments.ID_VARIABLE)).longValue());
    }
}
