package com.hongda.cms.workflow.history;

import com.hongda.cms.workflow.Candidates;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The candidate users and groups of an instance's tasks, from the engine's identity-link history,
 * in one read per instance.
 *
 * <p>Why SQL: the engine's {@code HistoricIdentityLinkLogQuery} filters by a single task id and has
 * no process-instance filter, so through the API this would be one query per task. The history
 * table carries the root process instance id (indexed, used by the engine's own removal-time
 * cleanup), which answers it at once. The read is read-only and covered by the tests on H2 and
 * MySQL/MariaDB, so a change of the engine's schema would show there.
 */
@Component
public class TaskCandidates {

    private static final String SQL = """
            select TASK_ID_, USER_ID_, GROUP_ID_, OPERATION_TYPE_ from ACT_HI_IDENTITYLINK
            where ROOT_PROC_INST_ID_ = ? and TYPE_ = 'candidate' order by TIMESTAMP_""";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    TaskCandidates(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /**
     * The candidates of each of {@code taskIds}, replaying additions and removals in time order.
     * The engine logs no removal when a task ends, so a finished task shows who could take it.
     */
    Map<String, Candidates> of(String rootProcessInstanceId, Collection<String> taskIds) {
        return taskIds.isEmpty() ? Map.of() : replay(taskIds, rows -> jdbc.query(SQL, rows, rootProcessInstanceId));
    }

    /**
     * The same for tasks of any instances, in one read on the task index (the live inbox's dispatcher asks
     * for the tasks of a batch of events). Open and finished tasks alike.
     */
    public Map<String, Candidates> ofTasks(Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        return replay(taskIds, rows -> named.query("select TASK_ID_, USER_ID_, GROUP_ID_, OPERATION_TYPE_ from ACT_HI_IDENTITYLINK"
                + " where TASK_ID_ in (:tasks) and TYPE_ = 'candidate' order by TIMESTAMP_", Map.of("tasks", taskIds), rows));
    }

    /** Replays the candidate links {@code read} passes to its handler, in time order, for these tasks. */
    private Map<String, Candidates> replay(Collection<String> taskIds, java.util.function.Consumer<RowCallbackHandler> read) {
        Map<String, Set<String>> users = new HashMap<>();
        Map<String, Set<String>> groups = new HashMap<>();
        read.accept(rs -> {
            String taskId = rs.getString(1);
            if (!taskIds.contains(taskId)) {
                return;
            }
            String user = rs.getString(2);
            String who = user != null ? user : rs.getString(3);
            Set<String> set = (user != null ? users : groups).computeIfAbsent(taskId, k -> new HashSet<>());
            if ("add".equals(rs.getString(4))) {
                set.add(who);
            } else {
                set.remove(who);
            }
        });
        Map<String, Candidates> result = new HashMap<>();
        for (String taskId : taskIds) {
            result.put(taskId, new Candidates(sorted(groups.get(taskId)), sorted(users.get(taskId))));
        }
        return result;
    }

    /** Sorted: links added together carry one timestamp, so their order in the log means nothing. */
    private static List<String> sorted(Collection<String> values) {
        return values == null ? List.of() : values.stream().sorted().toList();
    }
}
