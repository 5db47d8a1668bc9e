package com.hongda.cms.workflow.task;

import com.hongda.cms.workflow.Candidates;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Candidates, comments and process variables of many tasks in one statement each. The engine's API
 * answers the first two one task at a time, which would make every inbox page cost two statements
 * per task, and its variable query joins every variable to its execution to find activity
 * instances the inbox never shows; these read the engine's own tables directly, read-only.
 */
@Component
class TaskLinks {

    /** A comment on a task. */
    record Comment(String id, String taskId, String userId, Instant time, String message) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    TaskLinks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the inbox's actions need of a task's row, and whether the caller is one of its candidates. */
    record Row(String assignee, String processInstanceId, String processDefinitionId, String step,
               boolean callerIsCandidate) {
    }

    /**
     * SQL that is 1 when {@code who} is a candidate (as a user or through a group) of the task whose
     * id is in {@code taskIdColumn}, and null otherwise; binds its parameters into {@code params}.
     * A scalar subquery rather than EXISTS on purpose: MySQL/MariaDB turn an EXISTS into a
     * semi-join that first collects every candidate link of the caller's groups, while this form is
     * checked row by row through the links' task index ({@link ClaimableTasks}).
     */
    static String candidacy(String taskIdColumn, Caller who, MapSqlParameterSource params) {
        params.addValue("candidateUser", who.id());
        String groups = "";
        if (!who.groups().isEmpty()) {
            groups = " or I.GROUP_ID_ in (:candidateGroups)";
            params.addValue("candidateGroups", who.groups());
        }
        return "(select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = " + taskIdColumn
                + " and I.TYPE_ = 'candidate' and (I.USER_ID_ = :candidateUser" + groups + ") limit 1)";
    }

    /**
     * Locks the task's row until the transaction ends, and reads it with whether {@code who} is one of its
     * candidates. Two completions of one task then run one after the other: the second finds the task gone
     * and is told it was already completed, instead of racing the first into a deadlock or an
     * optimistic-locking failure.
     *
     * @return the row, or null if the task no longer exists
     */
    Row lock(String taskId, Caller who) {
        // The candidacy subquery takes no lock (MySQL and H2 lock the outer table's row only).
        return row(taskId, who, " for update");
    }

    /** The task's row and whether {@code who} is one of its candidates, or null. */
    Row withCandidacy(String taskId, Caller who) {
        return row(taskId, who, "");
    }

    private Row row(String taskId, Caller who, String lock) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", taskId);
        List<Row> rows = jdbc.query("select T.ASSIGNEE_, T.PROC_INST_ID_, T.PROC_DEF_ID_, T.TASK_DEF_KEY_, "
                        + candidacy("T.ID_", who, params) + " from ACT_RU_TASK T where T.ID_ = :id" + lock, params,
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5) != null));
        return rows.isEmpty() ? null : rows.get(0);
    }

    Map<String, Candidates> candidates(Collection<String> taskIds) {
        Map<String, Candidates> result = new HashMap<>();
        if (taskIds.isEmpty()) {
            return result;
        }
        jdbc.query("select TASK_ID_, GROUP_ID_, USER_ID_ from ACT_RU_IDENTITYLINK where TYPE_ = 'candidate' and TASK_ID_ in (:ids)",
                new MapSqlParameterSource("ids", taskIds), rs -> {
                    Candidates c = result.computeIfAbsent(rs.getString(1), k -> new Candidates(new ArrayList<>(), new ArrayList<>()));
                    if (rs.getString(2) != null) {
                        c.groups().add(rs.getString(2));
                    }
                    if (rs.getString(3) != null) {
                        c.users().add(rs.getString(3));
                    }
                });
        return result;
    }

    /**
     * Process-scope variables of these process instances, by instance id then name: only values
     * the engine keeps in its own columns (strings, numbers, booleans, dates), as the engine's
     * typed values would give them; task-local and sub-scope variables of the same name are not
     * the process's value and are left out, as are serialized objects.
     */
    Map<String, Map<String, Object>> processVariables(Collection<String> processInstanceIds, Collection<String> names) {
        Map<String, Map<String, Object>> result = new HashMap<>();
        if (processInstanceIds.isEmpty() || names.isEmpty()) {
            return result;
        }
        jdbc.query("select PROC_INST_ID_, NAME_, TYPE_, TEXT_, LONG_, DOUBLE_ from ACT_RU_VARIABLE "
                        + "where PROC_INST_ID_ in (:ids) and NAME_ in (:names) and EXECUTION_ID_ = PROC_INST_ID_ and TASK_ID_ is null",
                new MapSqlParameterSource("ids", processInstanceIds).addValue("names", names), rs -> {
                    Number whole = (Number) rs.getObject(5);
                    Number real = (Number) rs.getObject(6);
                    Object value = switch (rs.getString(3)) {
                        case "string" -> rs.getString(4);
                        case "long" -> whole == null ? null : whole.longValue();
                        case "integer" -> whole == null ? null : whole.intValue();
                        case "short" -> whole == null ? null : whole.shortValue();
                        case "double" -> real == null ? null : real.doubleValue();
                        case "boolean" -> whole == null ? null : whole.longValue() != 0;
                        case "date" -> whole == null ? null : new java.util.Date(whole.longValue());
                        default -> null;
                    };
                    if (value != null) {
                        result.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), value);
                    }
                });
        return result;
    }

    Map<String, List<Comment>> comments(Collection<String> taskIds) {
        Map<String, List<Comment>> result = new HashMap<>();
        if (taskIds.isEmpty()) {
            return result;
        }
        jdbc.query("select ID_, TASK_ID_, USER_ID_, TIME_, MESSAGE_, FULL_MSG_ from ACT_HI_COMMENT "
                        + "where TYPE_ = 'comment' and TASK_ID_ in (:ids) order by TIME_, ID_",
                new MapSqlParameterSource("ids", taskIds), rs -> {
                    byte[] full = rs.getBytes(6);
                    String message = full != null ? new String(full, StandardCharsets.UTF_8) : rs.getString(5);
                    result.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new Comment(rs.getString(1),
                            rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), message));
                });
        return result;
    }
}
