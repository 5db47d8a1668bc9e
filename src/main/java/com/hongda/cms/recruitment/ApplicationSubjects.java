package com.hongda.cms.recruitment;

import com.hongda.cms.workflow.NumericSubjects;
import org.springframework.stereotype.Component;

/** Resolves workflow subjects of type APPLICATION. */
@Component
class ApplicationSubjects extends NumericSubjects<Application> {

    ApplicationSubjects(ApplicationRepository applications) {
        super(RecruitmentService.SUBJECT_TYPE, Application.class, "Application", applications::findAllById, Application::getId);
    }
}
