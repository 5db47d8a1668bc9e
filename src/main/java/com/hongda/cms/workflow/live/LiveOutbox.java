package com.hongda.cms.workflow.live;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code live_event} table: written in the transaction of a change, read by every node's dispatcher. */
@Component
class LiveOutbox {

    private static final String COLUMNS = "id, kind, process_instance_id, task_id, step, name, assignee, priority, due_at, incident_id,"
            + " occurred_at";

    private static final RowMapper<LiveEvent> ROW = (rs, n) -> {
        Integer priority = rs.getObject(8) == null ? null : rs.getInt(8);
        Timestamp due = rs.getTimestamp(9);
        return new LiveEvent(rs.getLong(1), LiveEventKind.valueOf(rs.getString(2)), rs.getString(3), null, rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), priority, due == null ? null : due.toInstant(),
                rs.getString(10), rs.getTimestamp(11).toInstant());
    };

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    LiveOutbox(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** Writes these events, in order, in the caller's transaction: one batch. */
    void insert(List<LiveEvent> events) {
        jdbc.batchUpdate("insert into live_event (kind, process_instance_id, task_id, step, name, assignee, priority, due_at, incident_id,"
                + " occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", events, events.size(), (ps, e) -> {
            ps.setString(1, e.kind().name());
            ps.setString(2, e.processInstanceId());
            ps.setString(3, e.taskId());
            ps.setString(4, truncate(e.step()));
            ps.setString(5, truncate(e.name()));
            ps.setString(6, e.assignee());
            ps.setObject(7, e.priority());
            ps.setTimestamp(8, e.due() == null ? null : Timestamp.from(e.due()));
            ps.setString(9, e.incidentId());
            ps.setTimestamp(10, Timestamp.from(e.at()));
        });
    }

    /** The rows after {@code id}, oldest first, at most {@code limit}: a range of the primary key. */
    List<LiveEvent> after(long id, int limit) {
        return jdbc.query("select " + COLUMNS + " from live_event where id > ? order by id limit " + limit, ROW, id);
    }

    /** These rows, those that exist (ids missing from an earlier read whose transaction has committed since). */
    List<LiveEvent> byIds(List<Long> ids) {
        return named.query("select " + COLUMNS + " from live_event where id in (:ids) order by id", Map.of("ids", ids), ROW);
    }

    /** The newest id, 0 for none. */
    long newest() {
        Long id = jdbc.queryForObject("select max(id) from live_event", Long.class);
        return id == null ? 0 : id;
    }

    /** Deletes the rows older than {@code before}; returns how many. */
    int deleteOlderThan(Instant before) {
        Long last = jdbc.queryForObject("select max(id) from live_event where occurred_at < ?", Long.class, Timestamp.from(before));
        return last == null ? 0 : jdbc.update("delete from live_event where id <= ?", last);
    }

    /** A task's name or key as the engine allows (255); the outbox keeps no longer. */
    private static String truncate(String s) {
        return s == null || s.length() <= 255 ? s : s.substring(0, 255);
    }
}
