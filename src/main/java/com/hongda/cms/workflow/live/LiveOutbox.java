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
            + " occurred_at, occurred_micros";

    private static final RowMapper<LiveEvent> ROW = (rs, n) -> {
        Integer priority = rs.getObject(8) == null ? null : rs.getInt(8);
        Timestamp due = rs.getTimestamp(9);
        return new LiveEvent(rs.getLong(1), LiveEventKind.valueOf(rs.getString(2)), rs.getString(3), null, rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), priority, due == null ? null : due.toInstant(),
                rs.getString(10), at(rs.getTimestamp(11), rs.getObject(12) == null ? null : rs.getLong(12)));
    };

    /**
     * The event's moment: {@code occurred_micros}, exact on every database; {@code occurred_at} only for a row a node
     * without it wrote (on MySQL that column holds whole seconds: the connection sends no fractional seconds, V24).
     */
    private static Instant at(Timestamp occurredAt, Long micros) {
        return micros == null ? occurredAt.toInstant()
                : Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    private static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000L);
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    LiveOutbox(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** Writes these events, in order, in the caller's transaction: one batch. */
    void insert(List<LiveEvent> events) {
        jdbc.batchUpdate("insert into live_event (kind, process_instance_id, task_id, step, name, assignee, priority, due_at, incident_id,"
                + " occurred_at, occurred_micros) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", events, events.size(), (ps, e) -> {
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
            ps.setLong(11, micros(e.at()));
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

    /** Ids per delete statement of the cleanup. */
    static final int DELETE_CHUNK = 1_000;

    /**
     * Deletes rows older than {@code before}, oldest first, {@value #DELETE_CHUNK} ids per statement (each its own short
     * transaction: a burst of 100,000 events never becomes one long delete holding its locks) and at most
     * {@code maxChunks} statements; returns how many rows went. The dispatcher calls it between reads, so it is
     * bounded; what is left goes at the next call.
     */
    int deleteOlderThan(Instant before, int maxChunks) {
        Long last = jdbc.queryForObject("select max(id) from live_event where occurred_at < ?", Long.class, Timestamp.from(before));
        Long first = last == null ? null : jdbc.queryForObject("select min(id) from live_event", Long.class);
        if (last == null || first == null) {
            return 0;
        }
        int deleted = 0;
        for (long from = first, n = 0; from <= last && n < maxChunks; from += DELETE_CHUNK, n++) {
            deleted += jdbc.update("delete from live_event where id >= ? and id < ?", from, Math.min(from + DELETE_CHUNK, last + 1));
        }
        return deleted;
    }

    /** A task's name or key as the engine allows (255); the outbox keeps no longer. */
    private static String truncate(String s) {
        return s == null || s.length() <= 255 ? s : s.substring(0, 255);
    }
}
