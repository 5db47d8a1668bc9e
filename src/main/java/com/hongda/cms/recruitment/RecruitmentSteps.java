package com.hongda.cms.recruitment;

import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.probation.Probations;
import com.hongda.cms.security.Directory;
import com.hongda.cms.security.Logins;
import com.hongda.cms.security.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Java steps of {@code bpmn/recruitment-review.bpmn}, called by expression
 * ({@code ${recruitmentSteps.xxx(execution)}}). They run inside the engine's transaction, so the
 * application row, the new manager and the process state commit or roll back together.
 */
@Component("recruitmentSteps")
public class RecruitmentSteps {

    private static final Logger log = LoggerFactory.getLogger(RecruitmentSteps.class);
    /** Priority an overdue review step is raised to, so it tops the inbox. */
    static final int REMINDER_PRIORITY = 90;

    private final ApplicationRepository applications;
    private final ManagerService managers;
    private final Probations probations;
    private final IdentityService identity;
    private final TaskService tasks;
    private final Directory directory;
    private final RecruitmentProperties properties;
    private final Clock clock;
    private final Logins logins;

    RecruitmentSteps(ApplicationRepository applications, ManagerService managers, Probations probations,
                     IdentityService identity, TaskService tasks, Directory directory,
                     RecruitmentProperties properties, Clock clock, Logins logins) {
        this.applications = applications;
        this.managers = managers;
        this.probations = probations;
        this.identity = identity;
        this.tasks = tasks;
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
        this.logins = logins;
    }

    /** Stores the outcome of the basic-qualification check; sets {@code eligible}. */
    public void recordEligibility(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        List<String> reasons = (List<String>) execution.getVariable("ineligibilityReasons");
        List<String> list = reasons == null ? List.of() : reasons;
        application(execution).eligibilityChecked(list, clock.instant());
        execution.setVariable("eligible", list.isEmpty());
    }

    /** Names the interviewers: members of the panel group, at most the panel size. */
    public void planInterviews(DelegateExecution execution) {
        List<String> interviewers = identity.createUserQuery().memberOfGroup(properties.interviewPanelGroup())
                .orderByUserId().asc().listPage(0, properties.interviewPanelSize()).stream()
                .map(u -> u.getId()).toList();
        if (interviewers.isEmpty()) {
            // An incident an operator sees and retries once the group has members.
            throw new IllegalStateException("No member in interview panel group " + properties.interviewPanelGroup());
        }
        execution.setVariable("interviewers", new ArrayList<>(interviewers));
    }

    /**
     * Task listener on each interview's completion: keeps the interviewer's score under their own
     * name, and removes the shared form variable so the next interviewer's form starts empty.
     */
    public void collectInterviewScore(DelegateTask task) {
        Object score = task.getVariable("interviewScore");
        if (score != null) {
            task.getExecution().getProcessInstance().setVariable("interviewScore_" + task.getAssignee(), score);
        }
        task.getExecution().getProcessInstance().removeVariable("interviewScore");
    }

    /** Composite = weighted sum from the decision table's weights; sets {@code composite} and {@code passed}. */
    public void composite(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> scoring = (Map<String, Object>) execution.getVariable("scoring");
        int education = intVar(execution, "educationScore");
        int experience = intVar(execution, "experienceScore");
        int performance = intVar(execution, "performanceScore");
        int written = intVar(execution, "writtenScore");
        @SuppressWarnings("unchecked")
        List<String> interviewers = (List<String>) execution.getVariable("interviewers");
        double sum = 0;
        int count = 0;
        for (String interviewer : interviewers) {
            Object s = execution.getVariable("interviewScore_" + interviewer);
            if (s instanceof Number n) {
                sum += n.doubleValue();
                count++;
            }
        }
        BigDecimal interview = BigDecimal.valueOf(count == 0 ? 0 : sum / count).setScale(2, RoundingMode.HALF_UP);
        double composite = (weight(scoring, "educationWeight") * education
                + weight(scoring, "experienceWeight") * experience
                + weight(scoring, "performanceWeight") * performance
                + weight(scoring, "writtenWeight") * written
                + weight(scoring, "interviewWeight") * interview.doubleValue()) / 100.0;
        BigDecimal rounded = BigDecimal.valueOf(composite).setScale(2, RoundingMode.HALF_UP);
        boolean passed = rounded.doubleValue() >= weight(scoring, "passMark");
        execution.setVariable("interviewScore", interview.doubleValue());
        execution.setVariable("composite", rounded.doubleValue());
        execution.setVariable("passed", passed);
        application(execution).scored(education, experience, performance, written, interview, count, rounded, clock.instant());
    }

    /** Records the rejection with the stage that decided it. */
    public void reject(DelegateExecution execution) {
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
        application(execution).rejected(stage, reason, clock.instant());
    }

    /**
     * Appoints the candidate a TRAINEE on probation, in the same transaction: the manager row with
     * its grade-history entry naming this process, the MANAGER role for the candidate's login, the
     * start of probation, and the application marked HIRED.
     */
    public void hire(DelegateExecution execution) {
        Application a = application(execution);
        String supervisor = (String) execution.getVariable("supervisorId");
        if (supervisor != null && !directory.exists(supervisor)) {
            log.warn("Supervisor '{}' named in final approval of application {} is no user; none set", supervisor, a.getId());
            supervisor = null;
        }
        String decidedBy = (String) execution.getVariable("finalApprover");
        String employeeNo = a.getEmployeeNo() != null ? a.getEmployeeNo() : "R" + a.getId();
        CustomerManager trainee = managers.hireTrainee(employeeNo, a.getName(), a.getCandidateUserId(), a.getBranch(),
                a.getRegion(), supervisor, execution.getProcessInstanceId(), decidedBy);
        if (a.getCandidateUserId() != null
                && identity.createGroupQuery().groupMember(a.getCandidateUserId()).groupId(Role.MANAGER.name()).count() == 0) {
            // The candidate's next request, on whichever node, carries the new role.
            logins.grantRole(a.getCandidateUserId(), Role.MANAGER);
        }
        probations.start(trainee);
        a.hiredAs(trainee.getId(), clock.instant());
        execution.setVariable("managerId", trainee.getId());
    }

    /** Task listener on HR's final approval: remembers who approved, for the grade history. */
    public void rememberApprover(DelegateTask task) {
        task.setVariable("finalApprover", task.getAssignee());
    }

    /** Reminder timer: every overdue open task of this instance gets top priority and a follow-up date of now. */
    public void remind(DelegateExecution execution) {
        Date now = ClockUtil.getCurrentTime();
        for (Task t : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).dueBefore(now).list()) {
            t.setPriority(Math.max(t.getPriority(), REMINDER_PRIORITY));
            t.setFollowUpDate(now);
            tasks.saveTask(t);
        }
    }

    private Application application(DelegateExecution execution) {
        Long id = (Long) execution.getVariable("applicationId");
        return applications.findById(id).orElseThrow(() -> new IllegalStateException("No application " + id));
    }

    private static int intVar(DelegateExecution execution, String name) {
        Object v = execution.getVariable(name);
        return v instanceof Number n ? n.intValue() : 0;
    }

    private static double weight(Map<String, Object> scoring, String key) {
        Object v = scoring.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalStateException("recruitment-scoring gave no " + key);
        }
        return n.doubleValue();
    }
}
