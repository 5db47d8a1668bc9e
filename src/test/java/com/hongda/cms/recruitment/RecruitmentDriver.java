package com.hongda.cms.recruitment;

import com.hongda.cms.common.Region;
import com.hongda.cms.support.Fixtures;
import com.hongda.cms.support.ProcessDriver;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Drives recruitment reviews in tests: submits as a user, runs due jobs, completes tasks as a user. */
@Component
class RecruitmentDriver {

    private final RecruitmentService recruitment;
    private final ApplicationRepository applications;
    private final ProcessDriver process;
    private final Fixtures fixtures;

    RecruitmentDriver(RecruitmentService recruitment, ApplicationRepository applications, ProcessDriver process, Fixtures fixtures) {
        this.fixtures = fixtures;
        this.recruitment = recruitment;
        this.applications = applications;
        this.process = process;
    }

    SubmitApplicationInput input(String name, Education education, String years, boolean clean) {
        return new SubmitApplicationInput(name, "13900001111", "c@example.com", Origin.EXTERNAL, null, education,
                new BigDecimal(years), "三年客户服务经验", clean, clean, true, fixtures.branchId("城东分公司"), Region.URBAN, null);
    }

    Application submitAsHr(SubmitApplicationInput input) {
        return as(Fixtures.HR, List.of("HR"), () -> recruitment.submit(input));
    }

    Application reload(Application a) {
        return applications.findById(a.getId()).orElseThrow();
    }

    /** Runs the instance's due jobs (async continuations), as the job executor would. */
    void runJobs(String processInstanceId) {
        process.runJobs(processInstanceId);
    }

    /** Claims and completes the single open task of this step as {@code user}, then runs the jobs that follow. */
    void complete(String processInstanceId, String step, String user, Map<String, Object> values) {
        process.complete(processInstanceId, step, user, values);
        runJobs(processInstanceId);
    }

    static <T> T as(String user, List<String> roles, Supplier<T> action) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
