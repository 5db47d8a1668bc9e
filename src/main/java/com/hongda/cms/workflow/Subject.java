package com.hongda.cms.workflow;

import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What a process instance is about: a domain object named by type and id, stored as the process
 * variables {@code subjectType} and {@code subjectId} when the instance starts.
 */
public record Subject(String type, String id) {

    public static final String TYPE_VARIABLE = "subjectType";
    public static final String ID_VARIABLE = "subjectId";

    /** Subject types known to the API; each is resolved to its domain object by a {@link SubjectResolver}. */
    public static final String CUSTOMER = "CUSTOMER";
    public static final String MANAGER = "MANAGER";

    /** The process variables that record this subject, to pass when starting an instance. */
    public Map<String, Object> variables() {
        return Variables.createVariables().putValue(TYPE_VARIABLE, type).putValue(ID_VARIABLE, id);
    }
}
