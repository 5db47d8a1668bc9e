package com.hongda.cms.manager;

import com.hongda.cms.workflow.NumericSubjects;
import com.hongda.cms.workflow.Subject;
import org.springframework.stereotype.Component;

/** Resolves workflow subjects of type MANAGER. */
@Component
class ManagerSubjects extends NumericSubjects<CustomerManager> {

    ManagerSubjects(ManagerRepository managers) {
        super(Subject.MANAGER, CustomerManager.class, "Manager", managers::findAllById, CustomerManager::getId);
    }
}
