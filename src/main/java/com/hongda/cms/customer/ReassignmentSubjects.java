package com.hongda.cms.customer;

import com.hongda.cms.workflow.NumericSubjects;
import org.springframework.stereotype.Component;

/** Resolves workflow subjects of type REASSIGNMENT: the case a supervisor's task is about. */
@Component
class ReassignmentSubjects extends NumericSubjects<CustomerReassignment> {

    ReassignmentSubjects(ReassignmentRepository cases) {
        super(Reassignments.CASE_TYPE, CustomerReassignment.class, "CustomerReassignment", cases::findAllById, CustomerReassignment::getId);
    }
}
