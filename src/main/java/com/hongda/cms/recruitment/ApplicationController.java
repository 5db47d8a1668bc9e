package com.hongda.cms.recruitment;

import com.hongda.cms.common.Batches;
import com.hongda.cms.common.Connection;
import com.hongda.cms.common.Ids;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerService;
import com.hongda.cms.security.CurrentUser;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The {@code Application} type, its queries and {@code submitApplication}. */
@Controller
@SchemaMapping(typeName = "Application")
class ApplicationController {

    private final RecruitmentService recruitment;
    private final ManagerService managers;
    private final com.hongda.cms.branch.Branches branches;

    ApplicationController(RecruitmentService recruitment, ManagerService managers, com.hongda.cms.branch.Branches branches) {
        this.branches = branches;
        this.recruitment = recruitment;
        this.managers = managers;
    }

    record ApplicationPayload(Application application) {
    }

    /** The assessment scores of an application. */
    record Scores(Integer education, Integer experience, Integer performance, Integer written, Double interview,
                  Integer interviewCount, Double composite) {
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('CANDIDATE','EMPLOYEE','HR','ADMIN','AUDITOR')")
    Application application(@Argument String id) {
        long applicationId = Ids.parse("id", id);
        Application a = recruitment.find(applicationId);
        if (a == null) {
            throw com.hongda.cms.common.DomainException.notFound("id", "application", applicationId);
        }
        return a;
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('CANDIDATE','EMPLOYEE','HR','ADMIN','AUDITOR')")
    Connection<Application> applications(@Argument List<ApplicationState> states, @Argument Integer first,
                                         @Argument String after, @Argument Integer last, @Argument String before) {
        return recruitment.page(states, new PageArgs(first, after, last, before));
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('CANDIDATE','EMPLOYEE','HR','ADMIN')")
    ApplicationPayload submitApplication(@Argument @Valid SubmitApplicationInput input) {
        return new ApplicationPayload(recruitment.submit(input));
    }

    @SchemaMapping
    String id(Application a) {
        return String.valueOf(a.getId());
    }

    @SchemaMapping
    String branchId(Application a) {
        return String.valueOf(a.getBranchId());
    }

    @BatchMapping
    Map<Application, com.hongda.cms.branch.Branch> branch(List<Application> batch) {
        return com.hongda.cms.common.Batches.pair(batch, Application::getBranchId,
                branches.byIds(batch.stream().map(Application::getBranchId).toList()), null);
    }

    @SchemaMapping
    String phone(Application a) {
        return mayReadContact(a) ? a.getPhone() : null;
    }

    @SchemaMapping
    String email(Application a) {
        return mayReadContact(a) ? a.getEmail() : null;
    }

    @SchemaMapping
    double yearsOfExperience(Application a) {
        return a.getYearsOfExperience().doubleValue();
    }

    @SchemaMapping
    List<String> ineligibilityReasons(Application a) {
        return a.ineligibilityReasons();
    }

    @SchemaMapping
    Scores scores(Application a) {
        return new Scores(a.getEducationScore(), a.getExperienceScore(), a.getPerformanceScore(), a.getWrittenScore(),
                toDouble(a.getInterviewScore()), a.getInterviewCount(), toDouble(a.getCompositeScore()));
    }

    @BatchMapping
    Map<Application, CustomerManager> manager(List<Application> batch) {
        Map<Long, CustomerManager> byId = managers.byIds(batch.stream().map(Application::getManagerId)
                .filter(Objects::nonNull).distinct().toList());
        return Batches.pair(batch, Application::getManagerId, byId, null);
    }

    private static boolean mayReadContact(Application a) {
        return RecruitmentService.seesAll() || CurrentUser.id().equals(a.getCandidateUserId());
    }

    private static Double toDouble(BigDecimal d) {
        return d == null ? null : d.doubleValue();
    }
}
