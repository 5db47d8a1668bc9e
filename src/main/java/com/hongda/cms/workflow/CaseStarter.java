package com.hongda.cms.workflow;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Starts a process about a subject, the same way for every family: business key
 * {@code <CASE TYPE>-<subject id>} (e.g. {@code APPLICATION-42}, {@code PROBATION-7} about manager 7),
 * the subject variables (see {@link Subject}) and the family's own start variables. Called inside the caller's transaction, so
 * the domain row and the new instance commit or roll back together.
 */
@Component
public class CaseStarter {

    private final RuntimeService runtime;

    CaseStarter(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /**
     * @param caseType what kind of case this is, upper case (APPLICATION, PROBATION); the business key's prefix
     */
    public ProcessInstance start(String processKey, String caseType, Subject subject, Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.putAll(subject.variables());
        return runtime.startProcessInstanceByKey(processKey, businessKey(caseType, subject), all);
    }

    /** The business key of a case of this type about this subject. */
    public static String businessKey(String caseType, Subject subject) {
        return caseType + "-" + subject.id();
    }
}
