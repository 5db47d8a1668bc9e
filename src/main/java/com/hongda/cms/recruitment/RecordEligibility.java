package com.hongda.cms.recruitment;

import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step "Record eligibility": stores the outcome of the basic-qualification table (every failed rule
 * as a reason) on the application, and sets {@code eligible} for the gateway.
 */
@Component("recruitmentEligibility")
class RecordEligibility implements JavaDelegate {

    private final ApplicationRepository applications;
    private final Clock clock;

    RecordEligibility(ApplicationRepository applications, Clock clock) {
        this.applications = applications;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        List<String> reasons = (List<String>) execution.getVariable("ineligibilityReasons");
        List<String> list = reasons == null ? List.of() : reasons;
        RecruitmentVariables.application(applications, execution).eligibilityChecked(list, clock.instant());
        execution.setVariable("eligible", list.isEmpty());
    }
}
