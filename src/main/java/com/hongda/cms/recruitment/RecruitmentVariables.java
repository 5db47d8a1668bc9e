package com.hongda.cms.recruitment;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Names of the recruitment-review process variables the Java steps read and write. */
final class RecruitmentVariables {

    static final String APPLICATION_ID = "applicationId";
    static final String INTERVIEWERS = "interviewers";
    static final String INTERVIEW_SCORE = "interviewScore";
    static final String REVIEW_WORKING_DAYS = "reviewWorkingDays";
    static final String INTERVIEW_PANEL_GROUP = "interviewPanelGroup";
    static final String INTERVIEW_PANEL_SIZE = "interviewPanelSize";

    private RecruitmentVariables() {
    }

    /** The application an instance reviews. */
    static Application application(ApplicationRepository applications, DelegateExecution execution) {
        Long id = (Long) execution.getVariable(APPLICATION_ID);
        return applications.findById(id).orElseThrow(() -> new IllegalStateException("No application " + id));
    }

    static int intVar(DelegateExecution execution, String name) {
        Object v = execution.getVariable(name);
        return v instanceof Number n ? n.intValue() : 0;
    }
}
