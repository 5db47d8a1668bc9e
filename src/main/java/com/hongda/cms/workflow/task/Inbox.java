package com.hongda.cms.workflow.task;

import com.hongda.cms.workflow.Candidates;
import com.hongda.cms.common.Connection;
import com.hongda.cms.common.DomainException;
import com.hongda.cms.common.PageArgs;
import com.hongda.cms.common.Paging;
import com.hongda.cms.security.Directory;
import com.hongda.cms.workflow.EngineRetry;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approvers' inbox over the engine's tasks, with the rules checked on the server:
 * a task is visible to its assignee and to members of its candidate groups (or its candidate
 * users); only a candidate claims it; only the assignee completes it; the assignee, HR or ADMIN
 * reassign it, and only to another candidate. Values are validated against the task's form before
 * anything is written.
 */
@Service
public class Inbox {

    private final TaskService tasks;
    private final HistoryService history;
    private final IdentityService identity;
    private final TaskForms forms;
    private final TaskLinks links;
    private final Directory directory;
    private final Paging paging;
    private final EngineLookups lookups;
    private final ClaimableTasks claimable;
    private final TaskCompletion completion;
    private final EngineRetry retry;

    Inbox(TaskService tasks, HistoryService history, IdentityService identity, TaskForms forms, TaskLinks links,
          Directory directory, Paging paging, EngineLookups lookups, ClaimableTasks claimable,
          TaskCompletion completion, EngineRetry retry) {
        this.tasks = tasks;
        this.history = history;
        this.identity = identity;
        this.forms = forms;
        this.links = links;
        this.directory = directory;
        this.paging = paging;
        this.lookups = lookups;
        this.claimable = claimable;
        this.completion = completion;
        this.retry = retry;
    }

    /** Tasks assigned to the caller. */
    @Transactional(readOnly = true)
    public Connection<TaskView> assignedToMe(TaskFilter filter, TaskSort sort, PageArgs args) {
        Caller me = Caller.current();
        return page(() -> query(filter).taskAssignee(me.id()), sort, args);
    }

    /** Unassigned tasks the caller may claim through their groups or as a candidate user. */
    @Transactional(readOnly = true)
    public Connection<TaskView> claimableByMe(TaskFilter filter, TaskSort sort, PageArgs args) {
        Caller me = Caller.current();
        TaskFilter f = filter == null ? TaskFilter.NONE : filter;
        f.check();
        Paging.Window w = paging.window(args, () -> claimable.count(me, f));
        List<TaskView> rows = claimable.page(me, f, sort, w.offset(), w.size() + 1);
        return paging.connection(w, rows, () -> claimable.count(me, f));
    }

    /** One task, if the caller may see it. */
    @Transactional(readOnly = true)
    public TaskView find(String taskId) {
        Task task = taskId == null || taskId.length() > 64 ? null : lookups.task(taskId);
        if (task == null) {
            return null;
        }
        requireVisible(task, Caller.current());
        return TaskView.of(task);
    }

    /**
     * Claims the task for the caller. Claiming a task the caller already holds succeeds, also when two
     * of the caller's own claims race: the loser's retry finds the task theirs.
     */
    public TaskView claim(String taskId) {
        Caller me = Caller.current();
        checkId(taskId);
        return retry.inTransaction(() -> {
            TaskLinks.Row task = links.withCandidacy(taskId, me);
            if (task == null) {
                throw gone(taskId);
            }
            if (mayClaim(task.assignee(), task.callerIsCandidate(), me)) {
                try {
                    tasks.claim(taskId, me.id());
                } catch (org.camunda.bpm.engine.TaskAlreadyClaimedException e) {
                    throw DomainException.conflict("input.taskId", "TASK_ALREADY_CLAIMED", "error.task.claimedConcurrently");
                }
            }
            return TaskView.of(existing(taskId));
        });
    }

    /**
     * The rules of a claim, for claimTask and for completeTask with {@code claim}: whether the caller must claim
     * the task (false: they hold it already); only a candidate claims, and one someone else holds is a CONFLICT.
     */
    private static boolean mayClaim(String assignee, boolean candidate, Caller me) {
        if (me.id().equals(assignee)) {
            return false;
        }
        if (!candidate) {
            throw DomainException.forbidden("error.task.notCandidate", me.id());
        }
        if (assignee != null) {
            throw DomainException.conflict("input.taskId", "TASK_ALREADY_CLAIMED", "error.task.claimedBy", assignee);
        }
        return true;
    }

    @Transactional
    public TaskView unclaim(String taskId) {
        Caller me = Caller.current();
        Task task = existing(taskId);
        if (task.getAssignee() == null) {
            requireVisible(task, me);
            return TaskView.of(task);
        }
        if (!me.id().equals(task.getAssignee()) && !me.manages()) {
            throw DomainException.forbidden("error.task.notAssignee");
        }
        tasks.setAssignee(taskId, null);
        return TaskView.of(existing(taskId));
    }

    @Transactional
    public TaskView reassign(String taskId, String userId) {
        Caller me = Caller.current();
        Task task = existing(taskId);
        if (!me.id().equals(task.getAssignee()) && !me.manages()) {
            throw DomainException.forbidden("error.task.reassignNotAllowed");
        }
        if (!directory.exists(userId)) {
            throw DomainException.notFound("input.userId", "user", userId);
        }
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList();
        if (!isCandidate(task.getId(), new Caller(userId, groups))) {
            throw DomainException.badRequest("input.userId", "ASSIGNEE_MUST_BE_CANDIDATE", "error.task.notCandidate", userId);
        }
        tasks.setAssignee(taskId, userId);
        return TaskView.of(existing(taskId));
    }

    /**
     * Completes the caller's task with form values; the process moves on in the same transaction.
     * With {@code claim}, a task the caller may claim is claimed first in that transaction, refused as
     * {@link #claim} refuses; a completion refused after the claim (its values, a rule of the step)
     * takes the claim back with it. A completion that lost a race with a sibling (another judge of the
     * same panel, another branch reaching the same join) is run again: it either succeeds or finds the
     * task really completed. Of two callers claiming and completing one task at once, the second
     * waits for the first's lock and finds the task completed.
     */
    public Completion complete(String taskId, List<FormValue> values, boolean claim) {
        Caller me = Caller.current();
        checkId(taskId);
        return retry.inTransaction(() -> {
            TaskLinks.Row task = links.lock(taskId, me);
            if (task == null) {
                throw gone(taskId);
            }
            String assignee = task.assignee();
            // The claim is made with the completion, in its engine command (TaskCompletion), after the values passed.
            String claimFor = null;
            if (claim && mayClaim(assignee, task.callerIsCandidate(), me)) {
                claimFor = me.id();
                assignee = me.id();
            }
            if (assignee == null) {
                if (!task.callerIsCandidate()) {
                    throw DomainException.forbidden("error.task.notVisible");
                }
                throw DomainException.forbidden("error.task.claimFirst");
            }
            if (!me.id().equals(assignee)) {
                throw DomainException.forbidden("error.task.notAssignee");
            }
            Map<String, Object> variables = forms.validate(forms.fields(task.processDefinitionId(), task.step()), values);
            boolean ended = completion.complete(taskId, task.processInstanceId(), task.processDefinitionId(), task.step(), variables,
                    claimFor);
            return new Completion(taskId, task.processInstanceId(), ended);
        });
    }

    /** The result of completing a task. */
    public record Completion(String taskId, String processInstanceId, boolean processEnded) {
    }

    /**
     * The caller's next open task in the completed task's process instance (see
     * {@link ClaimableTasks#next}), or null. Called once the completion has committed (the payload's
     * field is resolved after the mutation), never inside its retried transaction.
     */
    @Transactional(readOnly = true)
    public TaskView next(Completion done) {
        return claimable.next(Caller.current(), done.processInstanceId());
    }

    @Transactional
    public TaskLinks.Comment comment(String taskId, String message) {
        Caller me = Caller.current();
        Task task = existing(taskId);
        requireVisible(task, me);
        org.camunda.bpm.engine.task.Comment c = tasks.createComment(taskId, task.getProcessInstanceId(), message);
        return new TaskLinks.Comment(c.getId(), taskId, me.id(), c.getTime().toInstant(), message);
    }

    private Connection<TaskView> page(java.util.function.Supplier<TaskQuery> query, TaskSort sort, PageArgs args) {
        TaskSort s = sort == null ? new TaskSort(null, null) : sort;
        return com.hongda.cms.workflow.EngineConnection.page(() -> s.applyTo(query.get()), TaskView::of, args, paging);
    }

    private TaskQuery query(TaskFilter filter) {
        TaskQuery q = tasks.createTaskQuery().active();
        return filter == null ? q : filter.applyTo(q);
    }

    private static void checkId(String taskId) {
        if (taskId == null || taskId.isEmpty() || taskId.length() > 64) {
            throw DomainException.badRequest("input.taskId", "ID_FORMAT", "error.idFormat", "input.taskId");
        }
    }

    private Task existing(String taskId) {
        checkId(taskId);
        Task task = lookups.task(taskId);
        if (task == null) {
            throw gone(taskId);
        }
        return task;
    }

    /** Why a task id finds no open task: completed already (CONFLICT), or never was one (NOT_FOUND). */
    private DomainException gone(String taskId) {
        return finished(taskId) ? alreadyCompleted() : DomainException.notFound("input.taskId", "task", taskId);
    }

    private boolean finished(String taskId) {
        return history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0;
    }

    private static DomainException alreadyCompleted() {
        return DomainException.conflict("input.taskId", "TASK_ALREADY_COMPLETED", "error.task.alreadyCompleted");
    }

    private void requireVisible(Task task, Caller me) {
        if (!me.id().equals(task.getAssignee()) && !isCandidate(task.getId(), me)) {
            throw DomainException.forbidden("error.task.notVisible");
        }
    }

    private boolean isCandidate(String taskId, Caller who) {
        Candidates c = links.candidates(List.of(taskId)).getOrDefault(taskId, Candidates.NONE);
        return c.users().contains(who.id()) || c.groups().stream().anyMatch(who.groups()::contains);
    }
}
