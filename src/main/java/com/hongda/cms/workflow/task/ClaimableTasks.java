package com.hongda.cms.workflow.task;

import com.hongda.cms.common.SortDirection;
import com.hongda.cms.workflow.Subject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The claimable-tasks page (and a caller's next task in one case, {@link #next}) read from the
 * engine's tables directly. The engine's TaskQuery for
 * "unassigned, and a candidate through my groups or as myself" joins every task to its identity
 * links and de-duplicates whole task rows with {@code SELECT DISTINCT … ORDER BY … LIMIT}: the
 * database must build and sort every claimable task, wide text columns included, before it can
 * return the first 50. On MySQL/MariaDB that temporary table goes to disk and one inbox page over
 * 10,000 open tasks took over 100 ms (README "Performance"). Here candidacy is a per-row subquery
 * on the identity links ({@link TaskLinks#candidacy}), so there is nothing to de-duplicate, and
 * only the columns a {@link TaskView} shows are read.
 *
 * <p>Same rows and order as the engine's query with the same filters: active (not suspended),
 * unassigned, without tenant, ordered by {@link TaskSort} with ties broken by task id in the same
 * direction (so that one index serves both).
 */
@Component
class ClaimableTasks {

    private final NamedParameterJdbcTemplate jdbc;

    ClaimableTasks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The columns a {@link TaskView} shows, in the order {@link #view} reads them. */
    private static final String COLUMNS = "select T.ID_, T.NAME_, T.DESCRIPTION_, T.TASK_DEF_KEY_, T.PROC_DEF_ID_, "
            + "T.PROC_INST_ID_, T.CREATE_TIME_, T.DUE_DATE_, T.FOLLOW_UP_DATE_, T.PRIORITY_, T.ASSIGNEE_";

    List<TaskView> page(Caller me, TaskFilter filter, TaskSort sort, long offset, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = COLUMNS + from(me, filter, params) + orderBy(sort) + " limit :limit offset :offset";
        params.addValue("limit", limit).addValue("offset", offset);
        return jdbc.query(sql, params, ClaimableTasks::view);
    }

    /**
     * The caller's next open task in a process instance, in one statement: the oldest one assigned
     * to the caller, else the oldest unassigned one the caller may claim (as a candidate user or
     * through a group); null if there is none. A front end that has just completed a step shows it
     * next without asking the inbox again.
     */
    TaskView next(Caller me, String processInstanceId) {
        MapSqlParameterSource params = new MapSqlParameterSource("pi", processInstanceId).addValue("me", me.id());
        List<TaskView> found = jdbc.query(COLUMNS + " from ACT_RU_TASK T where T.PROC_INST_ID_ = :pi and T.SUSPENSION_STATE_ = 1"
                + " and (T.ASSIGNEE_ = :me or (T.ASSIGNEE_ is null and 1 = " + TaskLinks.candidacy("T.ID_", me, params) + "))"
                + " order by case when T.ASSIGNEE_ is null then 1 else 0 end, T.CREATE_TIME_, T.ID_ limit 1",
                params, ClaimableTasks::view);
        return found.isEmpty() ? null : found.get(0);
    }

    long count(Caller me, TaskFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Long n = jdbc.queryForObject("select count(*)" + from(me, filter, params), params, Long.class);
        return n == null ? 0 : n;
    }

    /** FROM and WHERE, every value a bind parameter; {@link TaskFilter#check()} has vetted the filter. */
    private static String from(Caller me, TaskFilter filter, MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder(" from ACT_RU_TASK T");
        StringBuilder where = new StringBuilder(" where T.ASSIGNEE_ is null and T.SUSPENSION_STATE_ = 1 and T.TENANT_ID_ is null");
        // Checked row by row while the task index is walked in the page's order ({@link InboxIndexes}),
        // so the scan stops once the page is full.
        where.append(" and 1 = ").append(TaskLinks.candidacy("T.ID_", me, params));
        TaskFilter f = filter == null ? TaskFilter.NONE : filter;
        if (f.processKey() != null) {
            sql.append(" join ACT_RE_PROCDEF D on D.ID_ = T.PROC_DEF_ID_");
            where.append(" and D.KEY_ = :processKey");
            params.addValue("processKey", f.processKey());
        }
        if (f.businessKey() != null) {
            sql.append(" join ACT_RU_EXECUTION E on E.ID_ = T.PROC_INST_ID_");
            where.append(" and E.BUSINESS_KEY_ = :businessKey");
            params.addValue("businessKey", f.businessKey());
        }
        if (f.subjectType() != null) {
            where.append(processVariableIs("subjectType")).append(processVariableIs("subjectId"));
            params.addValue("subjectType", f.subjectType()).addValue("subjectId", f.subjectId())
                    .addValue("subjectTypeName", Subject.TYPE_VARIABLE).addValue("subjectIdName", Subject.ID_VARIABLE);
        }
        if (f.dueAfter() != null) {
            where.append(" and T.DUE_DATE_ > :dueAfter");
            params.addValue("dueAfter", Timestamp.from(f.dueAfter()));
        }
        if (f.dueBefore() != null) {
            where.append(" and T.DUE_DATE_ < :dueBefore");
            params.addValue("dueBefore", Timestamp.from(f.dueBefore()));
        }
        if (f.minPriority() != null) {
            where.append(" and T.PRIORITY_ >= :minPriority");
            params.addValue("minPriority", f.minPriority());
        }
        if (f.maxPriority() != null) {
            where.append(" and T.PRIORITY_ <= :maxPriority");
            params.addValue("maxPriority", f.maxPriority());
        }
        return sql.append(where).toString();
    }

    /** A string variable of the task's process instance (not task-local), as the engine's processVariableValueEquals. */
    private static String processVariableIs(String param) {
        return " and exists (select 1 from ACT_RU_VARIABLE V where V.PROC_INST_ID_ = T.PROC_INST_ID_ and V.TASK_ID_ is null"
                + " and V.NAME_ = :" + param + "Name and V.TYPE_ = 'string' and V.TEXT_ = :" + param + ")";
    }

    private static String orderBy(TaskSort sort) {
        TaskSort.Field field = sort == null || sort.field() == null ? TaskSort.Field.CREATED : sort.field();
        String column = switch (field) {
            case DUE_DATE -> "T.DUE_DATE_";
            case PRIORITY -> "T.PRIORITY_";
            case CREATED -> "T.CREATE_TIME_";
        };
        String direction = sort != null && sort.direction() == SortDirection.DESC ? " desc" : " asc";
        return " order by " + column + direction + ", T.ID_" + direction;
    }

    private static TaskView view(ResultSet rs, int row) throws SQLException {
        return new TaskView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)),
                rs.getInt(10), rs.getString(11));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
