package com.hongda.cms.recruitment;

import com.hongda.cms.common.Region;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationContext;

/**
 * Benchmark access to what the recruitment module keeps package-private: the application row the
 * Camunda REST route needs before it can start an instance by key (the REST API knows no domain
 * tables), and the variables {@link RecruitmentService#submit} starts the instance with.
 */
public final class BenchApplications {

    /** The branch every benchmark application is submitted to (see {@link #useBranch}). */
    private static volatile long branchId;

    private final ApplicationRepository applications;
    private final RecruitmentProperties properties;

    /** Names the branch the benchmark's applications go to; set once the branch exists. */
    public static void useBranch(long id) {
        branchId = id;
    }

    public static long branchId() {
        return branchId;
    }

    public BenchApplications(ApplicationContext context) {
        this.applications = context.getBean(ApplicationRepository.class);
        this.properties = context.getBean(RecruitmentProperties.class);
    }

    /** The application every route submits; {@code eligible=false} fails the basic qualification. */
    public static SubmitApplicationInput input(boolean eligible) {
        return new SubmitApplicationInput("基准候选人", "13900001111", "bench@example.com", Origin.EXTERNAL, null,
                eligible ? Education.BACHELOR : Education.SECONDARY, new BigDecimal(eligible ? "3" : "0.5"),
                "三年客户服务经验", eligible, eligible, true, String.valueOf(branchId), Region.URBAN, null);
    }

    /** Saves the application row as HR would submit it, without starting a process; returns its id. */
    public long saveSubmitted(SubmitApplicationInput input, String hrUser) {
        return applications.save(Application.submit(input, branchId, Region.URBAN, null, hrUser, Instant.now())).getId();
    }

    /**
     * Saves an eligible application and starts its review directly at HR's qualification review
     * (the engine's start-before), as if the eligibility step had passed: the same task, subject,
     * form, due date and overdue timer as a submitted application, without the eligibility job.
     * The benchmark's fast way to put thousands of open tasks in an approver's inbox.
     */
    public void openAtHrReview(RuntimeService runtime, String hrUser) {
        SubmitApplicationInput in = input(true);
        Application a = applications.save(Application.submit(in, branchId, Region.URBAN, null, hrUser, Instant.now()));
        a.eligibilityChecked(java.util.List.of(), Instant.now());
        Map<String, Object> vars = startVariables(a.getId(), in);
        vars.put("ineligibilityReasons", new java.util.ArrayList<String>());
        vars.put("eligible", true);
        String pi = runtime.createProcessInstanceByKey(RecruitmentService.PROCESS_KEY)
                .businessKey("APPLICATION-" + a.getId()).setVariables(vars)
                .startBeforeActivity("hrReview").execute().getId();
        a.startedAs(pi);
    }

    /** The start variables of {@link RecruitmentService#submit}, in the order it sets them. */
    public Map<String, Object> startVariables(long applicationId, SubmitApplicationInput in) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("applicationId", applicationId);
        vars.put("education", in.education().name());
        vars.put("yearsOfExperience", in.yearsOfExperience().doubleValue());
        vars.put("declaresEthics", in.declaresEthics());
        vars.put("declaresNoBadRecord", in.declaresNoBadRecord());
        vars.put("declaresHealthy", in.declaresHealthy());
        vars.put(RecruitmentVariables.REVIEW_WORKING_DAYS, properties.reviewWorkingDays());
        vars.put(RecruitmentVariables.INTERVIEW_PANEL_GROUP, properties.interviewPanelGroup());
        vars.put(RecruitmentVariables.INTERVIEW_PANEL_SIZE, properties.interviewPanelSize());
        vars.put("subjectType", RecruitmentService.SUBJECT_TYPE);
        vars.put("subjectId", Long.toString(applicationId));
        return vars;
    }
}
