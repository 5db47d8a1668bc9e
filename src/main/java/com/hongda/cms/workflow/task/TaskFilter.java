package com.hongda.cms.workflow.task;

import com.hongda.cms.common.DomainException;
import com.hongda.cms.workflow.Subject;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.task.TaskQuery;

/** Filters of the inbox queries. */
record TaskFilter(String processKey, String businessKey, String subjectType, String subjectId,
                  Instant dueAfter, Instant dueBefore, Integer minPriority, Integer maxPriority) {

    private static final int MAX_TEXT = 255;

    /** No filter at all. */
    static final TaskFilter NONE = new TaskFilter(null, null, null, null, null, null, null, null);

    /** Refuses values no task can match: empty or over-long texts, half a subject. */
    void check() {
        check("filter.processKey", processKey);
        check("filter.businessKey", businessKey);
        check("filter.subjectType", subjectType);
        check("filter.subjectId", subjectId);
        if ((subjectType == null) != (subjectId == null)) {
            throw DomainException.badRequest("filter.subjectId", "SUBJECT_TYPE_AND_ID", "error.task.subjectPair");
        }
    }

    TaskQuery applyTo(TaskQuery query) {
        check();
        if (processKey != null) {
            query.processDefinitionKey(processKey);
        }
        if (businessKey != null) {
            query.processInstanceBusinessKey(businessKey);
        }
        if (subjectType != null) {
            query.processVariableValueEquals(Subject.TYPE_VARIABLE, subjectType)
                    .processVariableValueEquals(Subject.ID_VARIABLE, subjectId);
        }
        if (dueAfter != null) {
            query.dueAfter(Date.from(dueAfter));
        }
        if (dueBefore != null) {
            query.dueBefore(Date.from(dueBefore));
        }
        if (minPriority != null) {
            query.taskMinPriority(minPriority);
        }
        if (maxPriority != null) {
            query.taskMaxPriority(maxPriority);
        }
        return query;
    }

    private static void check(String field, String value) {
        if (value != null && (value.isEmpty() || value.length() > MAX_TEXT)) {
            throw DomainException.badRequest(field, "MAX_LENGTH", "error.maxLength", field, MAX_TEXT);
        }
    }
}
