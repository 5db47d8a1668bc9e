package com.hongda.cms.manager;

import com.hongda.cms.workflow.Subject;
import com.hongda.cms.workflow.SubjectResolver;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Resolves workflow subjects of type MANAGER. */
@Component
class ManagerSubjects implements SubjectResolver {

    private final ManagerRepository managers;

    ManagerSubjects(ManagerRepository managers) {
        this.managers = managers;
    }

    @Override
    public String type() {
        return Subject.MANAGER;
    }

    @Override
    public Class<?> javaType() {
        return CustomerManager.class;
    }

    @Override
    public String graphQlType() {
        return "Manager";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> resolve(Collection<String> ids) {
        List<Long> numeric = ids.stream().filter(s -> s.matches("\\d{1,18}")).map(Long::valueOf).toList();
        Map<String, Object> result = new HashMap<>();
        managers.findAllById(numeric).forEach(m -> result.put(m.getId().toString(), m));
        return result;
    }
}
