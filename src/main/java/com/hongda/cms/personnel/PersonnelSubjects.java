package com.hongda.cms.personnel;

import com.hongda.cms.workflow.NumericSubjects;
import org.springframework.stereotype.Component;

/** Resolves workflow subjects of type PERSONNEL: the case a personnel process decides. */
@Component
class PersonnelSubjects extends NumericSubjects<PersonnelCase> {

    PersonnelSubjects(PersonnelCaseRepository cases) {
        super(PersonnelCases.SUBJECT, PersonnelCase.class, "PersonnelCase", cases::findAllById, PersonnelCase::getId);
    }
}
