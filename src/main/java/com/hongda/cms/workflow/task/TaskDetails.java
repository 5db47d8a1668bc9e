package com.hongda.cms.workflow.task;

import com.hongda.cms.workflow.Candidates;
import com.hongda.cms.workflow.Subject;
import com.hongda.cms.workflow.SubjectResolver;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Everything a page of tasks shows beyond the task row, loaded for the whole page at once:
 * one statement each for business keys, candidates, comments, subjects and form values.
 * Process names and forms come from the engine's deployment cache and cost no statement.
 */
@Component
class TaskDetails {

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final TaskLinks links;
    private final TaskForms forms;
    private final Map<String, SubjectResolver> resolvers;
    private final Map<String, ProcessDefinition> definitions = new java.util.concurrent.ConcurrentHashMap<>();

    TaskDetails(RepositoryService repository, RuntimeService runtime, TaskLinks links, TaskForms forms,
                List<SubjectResolver> resolvers) {
        this.repository = repository;
        this.runtime = runtime;
        this.links = links;
        this.forms = forms;
        this.resolvers = resolvers.stream().collect(Collectors.toMap(SubjectResolver::type, r -> r));
    }

    String processKey(TaskView task) {
        return definition(task).getKey();
    }

    String processName(TaskView task) {
        return definition(task).getName();
    }

    /**
     * Deployed definitions never change, but the engine reads one from the database on every
     * {@code getProcessDefinition} call; keeping them here makes the key and name of a task free.
     */
    private ProcessDefinition definition(TaskView task) {
        return definitions.computeIfAbsent(task.processDefinitionId(), repository::getProcessDefinition);
    }

    Map<String, String> businessKeys(List<TaskView> tasks) {
        Set<String> ids = processInstanceIds(tasks);
        Map<String, String> keys = new HashMap<>();
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceIds(ids).list()) {
            if (pi.getBusinessKey() != null) {
                keys.put(pi.getId(), pi.getBusinessKey());
            }
        }
        return keys;
    }

    Map<String, Candidates> candidates(List<TaskView> tasks) {
        return links.candidates(TaskController.ids(tasks));
    }

    Map<String, List<TaskLinks.Comment>> comments(List<TaskView> tasks) {
        return links.comments(TaskController.ids(tasks));
    }

    /** Subjects by process instance id. */
    Map<String, Subject> subjects(List<TaskView> tasks) {
        Map<String, Map<String, Object>> vars = links.processVariables(processInstanceIds(tasks),
                List.of(Subject.TYPE_VARIABLE, Subject.ID_VARIABLE));
        Map<String, Subject> subjects = new HashMap<>();
        vars.forEach((pi, v) -> {
            Object type = v.get(Subject.TYPE_VARIABLE);
            Object id = v.get(Subject.ID_VARIABLE);
            if (type != null && id != null) {
                subjects.put(pi, new Subject(type.toString(), id.toString()));
            }
        });
        return subjects;
    }

    /** Domain objects by process instance id, one resolver call per subject type. */
    Map<String, Object> resolvedSubjects(List<TaskView> tasks) {
        Map<String, Subject> subjects = subjects(tasks);
        Map<String, Set<String>> idsByType = new HashMap<>();
        subjects.values().forEach(s -> idsByType.computeIfAbsent(s.type(), t -> new HashSet<>()).add(s.id()));
        Map<String, Map<String, Object>> resolved = new HashMap<>();
        idsByType.forEach((type, ids) -> {
            SubjectResolver r = resolvers.get(type);
            if (r != null) {
                resolved.put(type, r.resolve(ids));
            }
        });
        Map<String, Object> result = new HashMap<>();
        subjects.forEach((pi, s) -> {
            Object o = resolved.getOrDefault(s.type(), Map.of()).get(s.id());
            if (o != null) {
                result.put(pi, o);
            }
        });
        return result;
    }

    /** Forms by task id, with current values from the process variables of the same names. */
    Map<String, List<FormField.Shown>> forms(List<TaskView> tasks, Locale locale) {
        Map<String, List<FormField>> fieldsByTask = new HashMap<>();
        for (TaskView t : tasks) {
            fieldsByTask.put(t.id(), forms.fields(t.processDefinitionId(), t.step()));
        }
        Set<String> names = TaskForms.keys(fieldsByTask.values());
        Map<String, Map<String, Object>> vars = links.processVariables(processInstanceIds(tasks), names);
        Map<String, List<FormField.Shown>> result = new HashMap<>();
        for (TaskView t : tasks) {
            result.put(t.id(), forms.show(fieldsByTask.get(t.id()), vars.getOrDefault(t.processInstanceId(), Map.of()), locale));
        }
        return result;
    }

    private static Set<String> processInstanceIds(List<TaskView> tasks) {
        return tasks.stream().map(TaskView::processInstanceId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }
}
