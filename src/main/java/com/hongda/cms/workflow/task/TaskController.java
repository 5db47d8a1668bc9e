package com.hongda.cms.workflow.task;

import com.hongda.cms.common.Batches;
import com.hongda.cms.common.Connection;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.common.RequestLocale;
import com.hongda.cms.workflow.ProcessCase;
import com.hongda.cms.workflow.Subject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The {@code Task} type, the inbox queries and the task mutations. */
@Controller
@SchemaMapping(typeName = "Task")
class TaskController {

    /** Any signed-in user may act on tasks they are entitled to, except auditors, who change nothing. */
    static final String ACTORS = "isAuthenticated() and !hasRole('AUDITOR')";

    private final Inbox inbox;
    private final TaskDetails details;
    private final com.hongda.cms.workflow.StepNames names;

    TaskController(Inbox inbox, TaskDetails details, com.hongda.cms.workflow.StepNames names) {
        this.inbox = inbox;
        this.details = details;
        this.names = names;
    }

    record TaskInput(@NotBlank @Size(max = 64) String taskId) {
    }

    record ReassignTaskInput(@NotBlank @Size(max = 64) String taskId, @NotBlank @Size(max = 64) String userId) {
    }

    record CompleteTaskInput(@NotBlank @Size(max = 64) String taskId, @Size(max = TaskForms.MAX_VALUES) List<@Valid @NotNull FormValue> values,
                             Boolean claim) {
    }

    record AddTaskCommentInput(@NotBlank @Size(max = 64) String taskId, @NotBlank @Size(max = 2000) String message) {
    }

    record TaskPayload(TaskView task) {
    }

    record TaskCommentPayload(TaskLinks.Comment comment) {
    }

    /**
     * A completed task's process instance as a {@code Case}: its steps and incidents are wired like
     * every case's ({@code workflow.CaseFields}), read when the payload is answered, after the commit.
     */
    record CaseState(String processInstanceId) implements ProcessCase {
        @Override
        public String getProcessInstanceId() {
            return processInstanceId;
        }
    }

    @QueryMapping
    Connection<TaskView> myTasks(@Argument TaskFilter filter, @Argument TaskSort sort, @Argument Integer first,
                                 @Argument String after, @Argument Integer last, @Argument String before) {
        return inbox.assignedToMe(filter, sort, new PageArgs(first, after, last, before));
    }

    @QueryMapping
    Connection<TaskView> claimableTasks(@Argument TaskFilter filter, @Argument TaskSort sort, @Argument Integer first,
                                        @Argument String after, @Argument Integer last, @Argument String before) {
        return inbox.claimableByMe(filter, sort, new PageArgs(first, after, last, before));
    }

    @QueryMapping
    TaskView task(@Argument String id) {
        if (id == null || id.length() > 64) {
            throw com.hongda.cms.common.DomainException.badRequest("id", "ID_FORMAT", "error.idFormat", "id");
        }
        TaskView task = inbox.find(id);
        if (task == null) {
            throw com.hongda.cms.common.DomainException.notFound("id", "task", id);
        }
        return task;
    }

    @MutationMapping
    @PreAuthorize(ACTORS)
    TaskPayload claimTask(@Argument @Valid TaskInput input) {
        return new TaskPayload(inbox.claim(input.taskId()));
    }

    @MutationMapping
    @PreAuthorize(ACTORS)
    TaskPayload unclaimTask(@Argument @Valid TaskInput input) {
        return new TaskPayload(inbox.unclaim(input.taskId()));
    }

    @MutationMapping
    @PreAuthorize(ACTORS)
    TaskPayload reassignTask(@Argument @Valid ReassignTaskInput input) {
        return new TaskPayload(inbox.reassign(input.taskId(), input.userId()));
    }

    @MutationMapping
    @PreAuthorize(ACTORS)
    Inbox.Completion completeTask(@Argument @Valid CompleteTaskInput input) {
        return inbox.complete(input.taskId(), input.values() == null ? List.of() : input.values(),
                Boolean.TRUE.equals(input.claim()));
    }

    @SchemaMapping(typeName = "CompleteTaskPayload")
    TaskView nextTask(Inbox.Completion done) {
        return inbox.next(done);
    }

    @SchemaMapping(typeName = "CompleteTaskPayload", field = "case")
    CaseState caseState(Inbox.Completion done) {
        return new CaseState(done.processInstanceId());
    }

    @MutationMapping
    @PreAuthorize(ACTORS)
    TaskCommentPayload addTaskComment(@Argument @Valid AddTaskCommentInput input) {
        return new TaskCommentPayload(inbox.comment(input.taskId(), input.message().trim()));
    }

    @SchemaMapping
    String processKey(TaskView task) {
        return details.processKey(task);
    }

    @SchemaMapping
    String processName(TaskView task, Locale locale) {
        return names.process(details.processKey(task), details.processName(task), locale);
    }

    @SchemaMapping
    String name(TaskView task, Locale locale) {
        return names.step(details.processKey(task), task.step(), task.name(), locale);
    }

    @BatchMapping
    Map<TaskView, String> businessKey(List<TaskView> tasks) {
        return Batches.pair(tasks, TaskView::processInstanceId, details.businessKeys(tasks), null);
    }

    @BatchMapping
    Map<TaskView, List<String>> candidateGroups(List<TaskView> tasks) {
        return Batches.pair(tasks, TaskView::id, details.candidates(tasks).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().groups())), List.of());
    }

    @BatchMapping
    Map<TaskView, List<String>> candidateUsers(List<TaskView> tasks) {
        return Batches.pair(tasks, TaskView::id, details.candidates(tasks).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().users())), List.of());
    }

    @BatchMapping
    Map<TaskView, String> subjectType(List<TaskView> tasks) {
        return Batches.pair(tasks, TaskView::processInstanceId, subjects(tasks, Subject::type), null);
    }

    @BatchMapping
    Map<TaskView, String> subjectId(List<TaskView> tasks) {
        return Batches.pair(tasks, TaskView::processInstanceId, subjects(tasks, Subject::id), null);
    }

    @BatchMapping
    Map<TaskView, Object> subject(List<TaskView> tasks) {
        return Batches.pair(tasks, TaskView::processInstanceId, details.resolvedSubjects(tasks), null);
    }

    @BatchMapping
    Map<TaskView, List<TaskLinks.Comment>> comments(List<TaskView> tasks) {
        return Batches.pair(tasks, TaskView::id, details.comments(tasks), List.of());
    }

    @BatchMapping
    Map<TaskView, List<FormField.Shown>> form(List<TaskView> tasks, graphql.GraphQLContext context) {
        return Batches.pair(tasks, TaskView::id, details.forms(tasks, RequestLocale.of(context)), List.of());
    }

    private Map<String, String> subjects(List<TaskView> tasks, java.util.function.Function<Subject, String> part) {
        Map<String, String> result = new HashMap<>();
        details.subjects(tasks).forEach((pi, s) -> {
            String v = part.apply(s);
            if (v != null) {
                result.put(pi, v);
            }
        });
        return result;
    }

    static Set<String> ids(List<TaskView> tasks) {
        return tasks.stream().map(TaskView::id).collect(Collectors.toSet());
    }
}
