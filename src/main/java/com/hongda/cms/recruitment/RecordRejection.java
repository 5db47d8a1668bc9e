package com.hongda.cms.recruitment;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Step "Record rejection": the application is REJECTED, with the stage that decided it and the reason given. */
@Component("recruitmentRejection")
class RecordRejection implements JavaDelegate {

    private final ApplicationRepository applications;
    private final Clock clock;

    RecordRejection(ApplicationRepository applications, Clock clock) {
        this.applications = applications;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String stage;
        String reason;
        if ("REJECT".equals(execution.getVariable("qualificationDecision"))) {
            stage = "QUALIFICATION_REVIEW";
            reason = (String) execution.getVariable("qualificationReason");
        } else if (!Boolean.TRUE.equals(execution.getVariable("passed"))) {
            stage = "BELOW_PASS_MARK";
            reason = null;
        } else {
            stage = "FINAL_APPROVAL";
            reason = (String) execution.getVariable("finalReason");
        }
        execution.setVariable("rejectionStage", stage);
        RecruitmentVariables.application(applications, execution).rejected(stage, reason, clock.instant());
    }
}
