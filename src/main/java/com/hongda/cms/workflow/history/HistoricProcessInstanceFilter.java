package com.hongda.cms.workflow.history;

import com.hongda.cms.common.DomainException;
import com.hongda.cms.workflow.Subject;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;

/**
 * The filters of {@code historicProcessInstances}, applied to the engine's query. Texts are exact
 * matches; one longer than any the engine stores is refused before a query runs.
 */
record HistoricProcessInstanceFilter(String processDefinitionKey, String businessKey, String subjectType,
                                     String subjectId, Boolean finished, String startedBy, Instant startedAfter,
                                     Instant startedBefore, Instant endedAfter, Instant endedBefore) {

    /** The engine's key, business-key and user columns hold at most 255 characters. */
    static final int MAX_TEXT = 255;

    static final HistoricProcessInstanceFilter NONE =
            new HistoricProcessInstanceFilter(null, null, null, null, null, null, null, null, null, null);

    /** Refuses over-long texts and empty date ranges, naming the field. */
    HistoricProcessInstanceFilter checked() {
        text("filter.processDefinitionKey", processDefinitionKey);
        text("filter.businessKey", businessKey);
        text("filter.subjectType", subjectType);
        text("filter.subjectId", subjectId);
        text("filter.startedBy", startedBy);
        range("filter.startedBefore", startedAfter, startedBefore);
        range("filter.endedBefore", endedAfter, endedBefore);
        return this;
    }

    HistoricProcessInstanceQuery applyTo(HistoricProcessInstanceQuery query) {
        if (given(processDefinitionKey)) {
            query.processDefinitionKey(processDefinitionKey);
        }
        if (given(businessKey)) {
            query.processInstanceBusinessKey(businessKey);
        }
        if (given(subjectType)) {
            query.variableValueEquals(Subject.TYPE_VARIABLE, subjectType);
        }
        if (given(subjectId)) {
            query.variableValueEquals(Subject.ID_VARIABLE, subjectId);
        }
        if (finished != null) {
            if (finished) {
                query.finished();
            } else {
                query.unfinished();
            }
        }
        if (given(startedBy)) {
            query.startedBy(startedBy);
        }
        if (startedAfter != null) {
            query.startedAfter(Date.from(startedAfter));
        }
        if (startedBefore != null) {
            query.startedBefore(Date.from(startedBefore));
        }
        if (endedAfter != null) {
            query.finishedAfter(Date.from(endedAfter));
        }
        if (endedBefore != null) {
            query.finishedBefore(Date.from(endedBefore));
        }
        return query;
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }

    private static void text(String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw DomainException.badRequest(field, "MAX_LENGTH", "error.maxLength", field, MAX_TEXT);
        }
    }

    private static void range(String field, Instant from, Instant to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw DomainException.badRequest(field, "DATE_RANGE", "error.history.dateRange", field);
        }
    }
}
