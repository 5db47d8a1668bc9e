package com.hongda.cms.workflow.history;

import static com.hongda.cms.workflow.history.HistoryViews.instant;
import static com.hongda.cms.workflow.history.HistoryViews.millis;

import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.ErrorType;
import com.hongda.cms.common.Connection;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.common.Paging;
import com.hongda.cms.workflow.EngineConnection;
import com.hongda.cms.workflow.Subject;
import com.hongda.cms.workflow.history.HistoryViews.Activity;
import com.hongda.cms.workflow.history.HistoryViews.Decision;
import com.hongda.cms.workflow.history.HistoryViews.DecisionInput;
import com.hongda.cms.workflow.history.HistoryViews.DecisionOutput;
import com.hongda.cms.workflow.history.HistoryViews.Diagram;
import com.hongda.cms.workflow.history.HistoryViews.Instance;
import com.hongda.cms.workflow.history.HistoryViews.Operation;
import com.hongda.cms.workflow.history.HistoryViews.Task;
import com.hongda.cms.workflow.history.HistoryViews.Value;
import com.hongda.cms.workflow.history.HistoryViews.VariableChange;
import com.hongda.cms.workflow.Candidates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;

/**
 * Reads the engine's history for auditors (history level {@code full}). Only queries: nothing here
 * writes. Lists are read with a bounded number of queries whatever their length; the sections of
 * one instance's audit each cost a fixed number of queries.
 */
@Service
class ProcessHistory {

    /** Engine ids are at most 64 characters; a longer one cannot exist. */
    private static final int MAX_ID = 64;

    private final HistoryService history;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final TaskCandidates candidates;
    private final Paging paging;

    ProcessHistory(HistoryService history, RuntimeService runtime, RepositoryService repository,
                   TaskCandidates candidates, Paging paging) {
        this.history = history;
        this.runtime = runtime;
        this.repository = repository;
        this.candidates = candidates;
        this.paging = paging;
    }

    /** A page of instances, newest first: one query of at most {@code first + 1} rows, and a count only if selected. */
    Connection<Instance> instances(HistoricProcessInstanceFilter filter, Integer first, String after) {
        HistoricProcessInstanceFilter f = (filter == null ? HistoricProcessInstanceFilter.NONE : filter).checked();
        return EngineConnection.page(() -> f.applyTo(history.createHistoricProcessInstanceQuery())
                        .orderByProcessInstanceStartTime().desc()
                        .orderByProcessInstanceId().desc(),
                ProcessHistory::instance, new PageArgs(first, after, null, null), paging);
    }

    /** One instance's audit trail; NOT_FOUND naming {@code id} if there is no such instance. */
    ProcessInstanceAudit audit(String id) {
        if (id.length() > MAX_ID) {
            throw DomainException.badRequest("id", "MAX_LENGTH", "error.maxLength", "id", MAX_ID);
        }
        HistoricProcessInstance found = history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
        if (found == null) {
            // The noun is a message key too, so the whole message reads in the caller's language.
            throw new DomainException(ErrorType.NOT_FOUND, "error.notFound", "id", null,
                    new DefaultMessageSourceResolvable(new String[] {"noun.processInstance"}, "process instance"), id);
        }
        return new ProcessInstanceAudit(instance(found));
    }

    /** The subject of each instance, from its process variables, in one query for all of them. */
    Map<String, Subject> subjects(Collection<String> instanceIds) {
        if (instanceIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> types = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instanceIds.toArray(String[]::new))
                .variableNameIn(Subject.TYPE_VARIABLE, Subject.ID_VARIABLE)
                .disableBinaryFetching().disableCustomObjectDeserialization()
                .list();
        for (HistoricVariableInstance v : variables) {
            // Only the instance's own variables: a local variable of the same name in a sub-scope is not the subject.
            if (!Objects.equals(v.getActivityInstanceId(), v.getProcessInstanceId()) || v.getValue() == null) {
                continue;
            }
            (Subject.TYPE_VARIABLE.equals(v.getName()) ? types : ids).put(v.getProcessInstanceId(), String.valueOf(v.getValue()));
        }
        Map<String, Subject> subjects = new HashMap<>();
        for (String instanceId : instanceIds) {
            if (types.containsKey(instanceId) || ids.containsKey(instanceId)) {
                subjects.put(instanceId, new Subject(types.get(instanceId), ids.get(instanceId)));
            }
        }
        return subjects;
    }

    /** Every step, in the order it started; who acted is the assignee for user tasks. */
    List<Activity> timeline(ProcessInstanceAudit audit) {
        return activities(audit).stream()
                .map(a -> new Activity(a.getId(), a.getActivityId(), a.getActivityName(), a.getActivityType(),
                        instant(a.getStartTime()), instant(a.getEndTime()), millis(a.getDurationInMillis()),
                        a.getAssignee(), a.getTaskId(), a.getCalledProcessInstanceId(), a.isCanceled()))
                .toList();
    }

    /** Every user task with its candidates (one read for all tasks) and the values submitted with it. */
    List<Task> tasks(ProcessInstanceAudit audit) {
        List<HistoricTaskInstance> tasks = historicTasks(audit);
        Map<String, Candidates> byTask = candidates.of(audit.getInstance().rootProcessInstanceId(),
                tasks.stream().map(HistoricTaskInstance::getId).collect(Collectors.toSet()));
        Map<String, List<VariableChange>> submitted = new HashMap<>();
        for (VariableChange change : variableChanges(audit)) {
            if (change.taskId() != null) {
                submitted.computeIfAbsent(change.taskId(), k -> new ArrayList<>()).add(change);
            }
        }
        return tasks.stream().map(t -> {
            Candidates c = byTask.getOrDefault(t.getId(), Candidates.NONE);
            return new Task(t.getId(), t.getTaskDefinitionKey(), t.getName(), c.groups(), c.users(), t.getAssignee(),
                    t.getOwner(), instant(t.getStartTime()), instant(t.getEndTime()), millis(t.getDurationInMillis()),
                    instant(t.getDueDate()), t.getTaskState(), t.getDeleteReason(),
                    List.copyOf(submitted.getOrDefault(t.getId(), List.of())));
        }).toList();
    }

    /**
     * Every variable change, oldest first, with the value it replaced (the previous update of the
     * same variable) and who caused it: the user of the logged operation the change happened in
     * (the engine links them by operation id: the start with its variables, a variable set through
     * the API, a task completion with everything the process then set in the same step); else, for
     * values submitted with a task, the task's assignee; else nobody: the engine acted on its own
     * (e.g. after a timer) or the caller was not authenticated, so no operation was logged.
     */
    List<VariableChange> variableChanges(ProcessInstanceAudit audit) {
        return audit.once("variableChanges", () -> {
            List<HistoricDetail> details = history.createHistoricDetailQuery()
                    .processInstanceId(audit.id())
                    .variableUpdates()
                    .disableBinaryFetching().disableCustomObjectDeserialization()
                    .orderByTime().asc().orderPartiallyByOccurrence().asc()
                    .list();
            Map<String, String> operationUsers = new HashMap<>();
            operationLog(audit).forEach(e -> {
                if (e.getOperationId() != null && e.getUserId() != null) {
                    operationUsers.putIfAbsent(e.getOperationId(), e.getUserId());
                }
            });
            Map<String, HistoricTaskInstance> tasksById = new HashMap<>();
            Map<String, HistoricTaskInstance> tasksByActivity = new HashMap<>();
            for (HistoricTaskInstance t : historicTasks(audit)) {
                tasksById.put(t.getId(), t);
                if (t.getActivityInstanceId() != null) {
                    tasksByActivity.put(t.getActivityInstanceId(), t);
                }
            }
            Map<String, Value> lastValue = new HashMap<>();
            List<VariableChange> changes = new ArrayList<>(details.size());
            for (HistoricDetail detail : details) {
                HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
                HistoricTaskInstance task = update.getTaskId() != null ? tasksById.get(update.getTaskId())
                        : update.getActivityInstanceId() == null ? null : tasksByActivity.get(update.getActivityInstanceId());
                String by = update.getUserOperationId() == null ? null : operationUsers.get(update.getUserOperationId());
                if (by == null && task != null) {
                    by = task.getAssignee();
                }
                Value value = Value.of(update.getTypedValue(), update.getTypeName());
                Value old = lastValue.put(update.getVariableInstanceId(), value);
                changes.add(new VariableChange(update.getVariableInstanceId(), update.getVariableName(), old, value,
                        instant(update.getTime()), by, task == null ? update.getTaskId() : task.getId(),
                        update.getActivityInstanceId()));
            }
            return List.copyOf(changes);
        });
    }

    /** Every DMN evaluation of the instance with its inputs and outputs. */
    List<Decision> decisions(ProcessInstanceAudit audit) {
        List<HistoricDecisionInstance> decisions = history.createHistoricDecisionInstanceQuery()
                .processInstanceId(audit.id())
                .includeInputs().includeOutputs()
                .disableBinaryFetching().disableCustomObjectDeserialization()
                .orderByEvaluationTime().asc()
                .list();
        return decisions.stream().map(d -> new Decision(d.getId(), d.getDecisionDefinitionKey(),
                d.getDecisionDefinitionName(), instant(d.getEvaluationTime()), d.getActivityId(), d.getActivityInstanceId(),
                d.getInputs().stream().map(i -> new DecisionInput(i.getClauseId(), i.getClauseName(),
                        Value.of(i.getTypedValue(), i.getTypeName()))).toList(),
                d.getOutputs().stream().map(o -> new DecisionOutput(o.getClauseId(), o.getClauseName(), o.getVariableName(),
                        o.getRuleId(), o.getRuleOrder(), Value.of(o.getTypedValue(), o.getTypeName()))).toList()))
                .toList();
    }

    /** The user operation log of the instance and its tasks, oldest first. */
    List<Operation> operations(ProcessInstanceAudit audit) {
        return operationLog(audit).stream()
                .map(e -> new Operation(e.getId(), e.getOperationId(), e.getUserId(), e.getOperationType(),
                        e.getEntityType(), e.getProperty(), e.getOrgValue(), e.getNewValue(), instant(e.getTimestamp()),
                        e.getTaskId(), e.getAnnotation()))
                .toList();
    }

    /** Every incident of the instance, oldest first: open, resolved (retried) or deleted (the instance ended). */
    List<HistoryViews.HistoricIncidentView> incidents(ProcessInstanceAudit audit) {
        return history.createHistoricIncidentQuery().processInstanceId(audit.id()).orderByCreateTime().asc()
                .orderByIncidentId().asc().list().stream()
                .map(i -> new HistoryViews.HistoricIncidentView(i.getId(), i.getActivityId(), i.getIncidentType(),
                        i.getIncidentMessage(), instant(i.getCreateTime()), instant(i.getEndTime()),
                        i.isOpen() ? "OPEN" : i.isResolved() ? "RESOLVED" : "DELETED",
                        "failedJob".equals(i.getIncidentType()) ? i.getConfiguration() : null))
                .toList();
    }

    /** The BPMN XML with the elements visited and, while running, those the instance waits in. */
    Diagram diagram(ProcessInstanceAudit audit) {
        Instance instance = audit.getInstance();
        String xml;
        try (InputStream in = repository.getProcessModel(instance.processDefinitionId())) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LinkedHashSet<String> visited = new LinkedHashSet<>();
        activities(audit).forEach(a -> visited.add(a.getActivityId()));
        List<String> waiting = List.of();
        if (instance.endTime() == null) {
            try {
                waiting = List.copyOf(runtime.getActiveActivityIds(instance.id()));
            } catch (NullValueException e) {
                // Ended between reading its history and now: it waits nowhere.
            }
        }
        return new Diagram(instance.processDefinitionId(), xml, List.copyOf(visited), waiting);
    }

    private List<HistoricActivityInstance> activities(ProcessInstanceAudit audit) {
        return audit.once("activities", () -> history.createHistoricActivityInstanceQuery()
                .processInstanceId(audit.id())
                .orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc()
                .list());
    }

    private List<HistoricTaskInstance> historicTasks(ProcessInstanceAudit audit) {
        return audit.once("tasks", () -> history.createHistoricTaskInstanceQuery()
                .processInstanceId(audit.id())
                .orderByHistoricActivityInstanceStartTime().asc()
                .orderByTaskId().asc()
                .list());
    }

    private List<UserOperationLogEntry> operationLog(ProcessInstanceAudit audit) {
        return audit.once("operations", () -> history.createUserOperationLogQuery()
                .processInstanceId(audit.id())
                .orderByTimestamp().asc()
                .list());
    }

    private static Instance instance(HistoricProcessInstance p) {
        return new Instance(p.getId(), p.getProcessDefinitionId(), p.getProcessDefinitionKey(), p.getProcessDefinitionName(),
                p.getProcessDefinitionVersion(), p.getBusinessKey(), p.getState(), p.getStartUserId(),
                instant(p.getStartTime()), instant(p.getEndTime()), millis(p.getDurationInMillis()), p.getDeleteReason(),
                p.getSuperProcessInstanceId(), p.getRootProcessInstanceId());
    }
}
