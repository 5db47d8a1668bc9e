package com.hongda.cms.recruitment;

import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.security.Logins;
import com.hongda.cms.security.Role;
import com.hongda.cms.workflow.DecidedBy;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step "Appoint trainee and start probation", in the engine's transaction: the candidate becomes a
 * TRAINEE manager on probation (the manager module writes the grade history naming this process and
 * HR's approver, and announces the appointment, on which probation starts in the same transaction),
 * their login gets the MANAGER role, and the application is HIRED.
 */
@Component("recruitmentHire")
class AppointTrainee implements JavaDelegate {

    private final ApplicationRepository applications;
    private final ManagerService managers;
    private final Logins logins;
    private final Clock clock;

    AppointTrainee(ApplicationRepository applications, ManagerService managers, Logins logins, Clock clock) {
        this.applications = applications;
        this.managers = managers;
        this.logins = logins;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Application a = RecruitmentVariables.application(applications, execution);
        // The final approval's form checked that the supervisor exists and holds SUPERVISOR.
        String supervisor = (String) execution.getVariable("supervisorId");
        String decidedBy = (String) execution.getVariable(DecidedBy.VARIABLE);
        String employeeNo = a.getEmployeeNo() != null ? a.getEmployeeNo() : "R" + a.getId();
        CustomerManager trainee = managers.hireTrainee(employeeNo, a.getName(), a.getCandidateUserId(), a.getBranchId(),
                a.getRegion(), supervisor, execution.getProcessInstanceId(), decidedBy);
        if (a.getCandidateUserId() != null) {
            // Seen by every node at the candidate's next request (the login's version is raised).
            logins.grantRole(a.getCandidateUserId(), Role.MANAGER, "HIRED", decidedBy == null ? "system" : decidedBy);
        }
        a.hiredAs(trainee.getId(), clock.instant());
        execution.setVariable("managerId", trainee.getId());
    }
}
