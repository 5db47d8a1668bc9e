package com.hongda.cms.recruitment;

import com.hongda.cms.workflow.ScoringPanel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step "Compute composite score": the interview panel's mean, then the weighted sum of the five
 * scores with the weights and pass mark of the {@code recruitment-scoring} table; sets
 * {@code interviewScore}, {@code composite} and {@code passed}, and records the scores on the application.
 */
@Component("recruitmentComposite")
class ComputeComposite implements JavaDelegate {

    private final ApplicationRepository applications;
    private final ScoringPanel panel;
    private final Clock clock;

    ComputeComposite(ApplicationRepository applications, ScoringPanel panel, Clock clock) {
        this.applications = applications;
        this.panel = panel;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> scoring = (Map<String, Object>) execution.getVariable("scoring");
        int education = RecruitmentVariables.intVar(execution, "educationScore");
        int experience = RecruitmentVariables.intVar(execution, "experienceScore");
        int performance = RecruitmentVariables.intVar(execution, "performanceScore");
        int written = RecruitmentVariables.intVar(execution, "writtenScore");
        ScoringPanel.Result interviews = panel.result(execution, RecruitmentVariables.INTERVIEW_SCORE, RecruitmentVariables.INTERVIEWERS);
        BigDecimal interview = interviews.mean();
        double composite = (weight(scoring, "educationWeight") * education
                + weight(scoring, "experienceWeight") * experience
                + weight(scoring, "performanceWeight") * performance
                + weight(scoring, "writtenWeight") * written
                + weight(scoring, "interviewWeight") * interview.doubleValue()) / 100.0;
        BigDecimal rounded = BigDecimal.valueOf(composite).setScale(2, RoundingMode.HALF_UP);
        boolean passed = rounded.doubleValue() >= weight(scoring, "passMark");
        execution.setVariable(RecruitmentVariables.INTERVIEW_SCORE, interview.doubleValue());
        execution.setVariable("composite", rounded.doubleValue());
        execution.setVariable("passed", passed);
        RecruitmentVariables.application(applications, execution).scored(education, experience, performance, written,
                interview, interviews.count(), rounded, clock.instant());
    }

    private static double weight(Map<String, Object> scoring, String key) {
        Object v = scoring.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalStateException("recruitment-scoring gave no " + key);
        }
        return n.doubleValue();
    }
}
