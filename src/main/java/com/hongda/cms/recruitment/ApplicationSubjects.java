package com.hongda.cms.recruitment;

import com.hongda.cms.workflow.SubjectResolver;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Resolves workflow subjects of type APPLICATION, so reviewers and interviewers see the application
 * on their task. Contact details stay hidden from everyone but the candidate, HR, ADMIN and AUDITOR.
 */
@Component
class ApplicationSubjects implements SubjectResolver {

    private final RecruitmentService recruitment;

    ApplicationSubjects(RecruitmentService recruitment) {
        this.recruitment = recruitment;
    }

    @Override
    public String type() {
        return RecruitmentService.SUBJECT_TYPE;
    }

    @Override
    public Class<?> javaType() {
        return Application.class;
    }

    @Override
    public String graphQlType() {
        return "Application";
    }

    @Override
    public Map<String, Object> resolve(Collection<String> ids) {
        List<Long> numeric = ids.stream().filter(s -> s.matches("\\d{1,18}")).map(Long::valueOf).toList();
        Map<String, Object> result = new HashMap<>();
        recruitment.byIds(numeric).forEach((id, a) -> result.put(id.toString(), a));
        return result;
    }
}
