package com.hongda.cms.workflow.history;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** What the history API shows, one record per schema type, converted from the engine's history objects. */
final class HistoryViews {

    private HistoryViews() {
    }

    /** A process instance as history records it; {@code state} is one of the engine's STATE_ constants. */
    record Instance(String id, String processDefinitionId, String processDefinitionKey, String processDefinitionName,
                    Integer processDefinitionVersion, String businessKey, String state, String startedBy,
                    Instant startTime, Instant endTime, Double durationMillis, String deleteReason,
                    String superProcessInstanceId, String rootProcessInstanceId) {
    }

    /** One step of the timeline. */
    record Activity(String id, String activityId, String activityName, String activityType, Instant startTime,
                    Instant endTime, Double durationMillis, String actedBy, String taskId,
                    String calledProcessInstanceId, boolean canceled) {
    }

    /** A user task with its candidates and what was submitted with it. */
    record Task(String id, String taskDefinitionKey, String name, List<String> candidateGroups,
                List<String> candidateUsers, String assignee, String owner, Instant startTime, Instant endTime,
                Double durationMillis, Instant dueDate, String state, String deleteReason,
                List<VariableChange> submittedValues) {
    }

    /** A value of any engine type as type name and text. */
    record Value(String type, String value) {

        /** Dates become ISO-8601 instants, objects their serialized form, files their name; bytes stay out. */
        static Value of(TypedValue typed, String typeName) {
            if (typed == null) {
                return new Value(typeName == null ? "unknown" : typeName, null);
            }
            String type = typed.getType() == null ? typeName : typed.getType().getName();
            if (typed instanceof FileValue file) {
                return new Value(type, file.getFilename());
            }
            if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
                return new Value(type, serializable.getValueSerialized());
            }
            Object value = typed.getValue();
            if (value == null || value instanceof byte[]) {
                return new Value(type == null ? "null" : type, null);
            }
            return new Value(type, value instanceof Date date ? date.toInstant().toString() : String.valueOf(value));
        }
    }

    /** One change of a variable, with the value it replaced. */
    record VariableChange(String variableInstanceId, String name, Value oldValue, Value newValue, Instant time,
                          String changedBy, String taskId, String activityInstanceId) {
    }

    /** One DMN evaluation. */
    record Decision(String id, String decisionDefinitionKey, String decisionDefinitionName, Instant evaluationTime,
                    String activityId, String activityInstanceId, List<DecisionInput> inputs,
                    List<DecisionOutput> outputs) {
    }

    /** An input a decision read. */
    record DecisionInput(String clauseId, String clauseName, Value value) {
    }

    /** An output a matched rule produced. */
    record DecisionOutput(String clauseId, String clauseName, String variableName, String ruleId, Integer ruleOrder,
                          Value value) {
    }

    /** An entry of the user operation log. */
    record Operation(String id, String operationId, String userId, String operationType, String entityType,
                     String property, String orgValue, String newValue, Instant timestamp, String taskId,
                     String annotation) {
    }

    /** A failure the instance met: a step that failed on every attempt, open until retried or the instance ends. */
    record HistoricIncidentView(String id, String step, String type, String message, Instant createdAt, Instant endedAt,
                                String state, String jobId) {
    }

    /** The model and the path taken. */
    record Diagram(String processDefinitionId, String bpmnXml, List<String> visitedActivityIds,
                   List<String> waitingActivityIds) {
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    static Double millis(Long millis) {
        return millis == null ? null : millis.doubleValue();
    }
}
