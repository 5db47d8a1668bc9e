package com.hongda.cms.recruitment;

import com.hongda.cms.branch.Branch;
import com.hongda.cms.branch.Branches;
import com.hongda.cms.common.Ids;
import com.hongda.cms.common.Region;
import com.hongda.cms.common.Texts;
import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.common.Paging;
import com.hongda.cms.common.Specs;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.security.CurrentUser;
import com.hongda.cms.security.Directory;
import com.hongda.cms.security.Role;
import com.hongda.cms.workflow.CaseStarter;
import com.hongda.cms.workflow.Subject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Submits applications (starting their review process in the same transaction) and reads them. */
@Service
public class RecruitmentService {

    public static final String PROCESS_KEY = "recruitment-review";
    public static final String SUBJECT_TYPE = "APPLICATION";

    private final ApplicationRepository applications;
    private final CaseStarter starter;
    private final RecruitmentProperties properties;
    private final Directory directory;
    private final Paging paging;
    private final Clock clock;
    private final ManagerService managers;
    private final Branches branches;

    RecruitmentService(ApplicationRepository applications, CaseStarter starter, RecruitmentProperties properties,
                       Directory directory, Paging paging, Clock clock, ManagerService managers, Branches branches) {
        this.branches = branches;
        this.starter = starter;
        this.properties = properties;
        this.managers = managers;
        this.applications = applications;
        this.directory = directory;
        this.paging = paging;
        this.clock = clock;
    }

    /**
     * A CANDIDATE applies for themself; HR enters an application for someone else (an external
     * candidate, optionally naming their login). One open application per candidate.
     */
    @Transactional
    public Application submit(SubmitApplicationInput input) {
        String me = CurrentUser.id();
        boolean hr = CurrentUser.hasAnyRole(Role.HR, Role.ADMIN);
        String candidate = hr ? Texts.blankToNull(input.candidateUserId()) : me;
        if (!hr && input.candidateUserId() != null && !input.candidateUserId().isBlank() && !input.candidateUserId().equals(me)) {
            throw DomainException.forbidden("error.application.onlyForYourself");
        }
        if (candidate != null && !directory.exists(candidate)) {
            throw DomainException.notFound("input.candidateUserId", "user", candidate);
        }
        if (input.origin() == Origin.INTERNAL && (input.employeeNo() == null || input.employeeNo().isBlank())) {
            throw DomainException.badRequest("input.employeeNo", "INTERNAL_NEEDS_EMPLOYEE_NO", "error.application.employeeNo");
        }
        Branch branch = branches.get("input.branchId", Ids.parse("input.branchId", input.branchId()));
        Region region = input.region() == null ? branch.getRegion() : input.region();
        if (candidate != null && managers.findByUser(candidate).isPresent()) {
            throw DomainException.conflict("input.candidateUserId", "ALREADY_A_MANAGER", "error.application.alreadyManager", candidate);
        }
        Application application;
        try {
            // The unique open_candidate column decides between simultaneous submissions; the check
            // before it only gives the common case a plain answer without a failed insert.
            if (candidate != null && applications.existsByOpenCandidate(candidate)) {
                throw openApplication(candidate);
            }
            application = applications.saveAndFlush(Application.submit(input, branch.getId(), region, candidate, me, clock.instant()));
        } catch (DataIntegrityViolationException e) {
            throw openApplication(candidate);
        }
        Map<String, Object> vars = Variables.createVariables()
                .putValue(RecruitmentVariables.APPLICATION_ID, application.getId())
                .putValue("education", application.getEducation().name())
                .putValue("yearsOfExperience", application.getYearsOfExperience().doubleValue())
                .putValue("declaresEthics", application.isDeclaresEthics())
                .putValue("declaresNoBadRecord", application.isDeclaresNoBadRecord())
                .putValue("declaresHealthy", application.isDeclaresHealthy())
                // The terms of this review, kept in the instance: a configuration change never alters a running one.
                .putValue(RecruitmentVariables.REVIEW_WORKING_DAYS, properties.reviewWorkingDays())
                .putValue(RecruitmentVariables.INTERVIEW_PANEL_GROUP, properties.interviewPanelGroup())
                .putValue(RecruitmentVariables.INTERVIEW_PANEL_SIZE, properties.interviewPanelSize());
        String pi = starter.start(PROCESS_KEY, SUBJECT_TYPE, new Subject(SUBJECT_TYPE, application.getId().toString()), vars).getId();
        application.startedAs(pi);
        return application;
    }

    /** One application, if the caller may see it: HR, ADMIN, AUDITOR all; a candidate their own. */
    @Transactional(readOnly = true)
    public Application find(long id) {
        Application a = applications.findById(id).orElse(null);
        if (a != null && !seesAll() && !CurrentUser.id().equals(a.getCandidateUserId())) {
            throw DomainException.forbidden("error.application.notYours");
        }
        return a;
    }

    @Transactional(readOnly = true)
    public Connection<Application> page(List<ApplicationState> states, PageArgs args) {
        Specification<Application> spec = Specification.allOf(Specs.in("state", states));
        if (!seesAll()) {
            spec = spec.and(Specs.equal("candidateUserId", CurrentUser.id()));
        }
        return paging.page(Application.class, spec, com.hongda.cms.common.SortDirection.DESC.by("submittedAt"), args);
    }

    @Transactional(readOnly = true)
    public Map<Long, Application> byIds(java.util.Collection<Long> ids) {
        return applications.findAllById(ids).stream().collect(java.util.stream.Collectors.toMap(Application::getId, a -> a));
    }

    static boolean seesAll() {
        return CurrentUser.hasAnyRole(Role.HR, Role.ADMIN, Role.AUDITOR);
    }

    private static DomainException openApplication(String candidate) {
        return DomainException.conflict("input.candidateUserId", "ONE_OPEN_APPLICATION", "error.application.open", candidate);
    }

}
