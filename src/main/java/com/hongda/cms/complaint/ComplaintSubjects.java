package com.hongda.cms.complaint;

import com.hongda.cms.workflow.NumericSubjects;
import org.springframework.stereotype.Component;

/** Resolves workflow subjects of type COMPLAINT. */
@Component
class ComplaintSubjects extends NumericSubjects<Complaint> {
    ComplaintSubjects(ComplaintRepository complaints) {
        super(Complaints.SUBJECT, Complaint.class, "Complaint", complaints::findAllById, Complaint::getId);
    }
}
