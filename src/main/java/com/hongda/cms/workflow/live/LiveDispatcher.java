package com.hongda.cms.workflow.live;

import com.hongda.cms.common.DomainException;
import com.hongda.cms.security.LoginStamps;
import com.hongda.cms.workflow.Candidates;
import com.hongda.cms.workflow.history.TaskCandidates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Sinks;

/**
 * Reads the outbox and tells this node's subscribers, on one thread ({@value #THREAD}). It reads only while
 * someone is subscribed: at once when this node committed a change ({@link #wake}), else every
 * {@code cms.live.poll-interval} for what other nodes committed. Each batch costs three statements however
 * many subscribers there are: the rows after the last id read, the business keys of their cases, the
 * candidates of their tasks (from the engine's identity-link history, so a completed task still shows who
 * could read it). Each event goes to the subscribers who may read it.
 *
 * <p>Ids are taken when a transaction inserts and become visible when it commits, so a smaller id may
 * appear after a larger one: an id missing below the largest read is looked for again on every read for
 * {@code cms.live.gap-wait}, then given up (its transaction rolled back). The dispatcher waits for no subscriber
 * longer than {@code cms.live.slow-after}: one whose buffer stays full that long is ended with SLOW_SUBSCRIBER.
 */
@Component
class LiveDispatcher implements SmartLifecycle {

    static final String THREAD = "live-events";
    private static final Logger log = LoggerFactory.getLogger(LiveDispatcher.class);
    private static final int BATCH = 500;
    private static final int MAX_GAPS = 10_000;

    private final LiveOutbox outbox;
    private final LiveSubscriptions subscriptions;
    private final TaskCandidates candidates;
    private final NamedParameterJdbcTemplate jdbc;
    private final LiveProperties properties;
    private final LoginStamps logins;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;

    /** The largest id read; -1 while idle. Only the dispatcher's thread touches the reading state. */
    private long highest = -1;
    /** Ids missing below {@link #highest}, with when they were first missed (nanoTime). */
    private final TreeMap<Long, Long> gaps = new TreeMap<>();
    private long nextCleanup;
    private long nextLoginCheck;

    LiveDispatcher(LiveOutbox outbox, LiveSubscriptions subscriptions, TaskCandidates candidates, NamedParameterJdbcTemplate jdbc,
                   LiveProperties properties, LoginStamps logins) {
        this.logins = logins;
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.candidates = candidates;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** A change committed on this node: read now rather than at the next interval. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, THREAD);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        wake();
        for (LiveSubscription s : subscriptions.current()) {
            s.sink.tryEmitComplete();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            await();
            try {
                if (subscriptions.current().isEmpty()) {
                    highest = -1;
                    gaps.clear();
                } else {
                    if (highest < 0) {
                        long start = subscriptions.takeStart();
                        highest = start >= 0 ? start : outbox.newest();
                    }
                    while (running && read() == BATCH) {
                        // A full batch: more is waiting.
                    }
                    checkLogins();
                }
                cleanup();
            } catch (RuntimeException e) {
                // The database may be away for a moment; the next round tries again from where this one stood.
                log.warn("Reading the live events failed: {}", e.toString());
                sleep(properties.pollInterval().toMillis() * 10);
            }
        }
    }

    private void await() {
        synchronized (signal) {
            if (!woken) {
                try {
                    signal.wait(Math.max(1, properties.pollInterval().toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    /** One read: new rows, and rows of ids still missing; returns how many new rows there were. */
    private int read() {
        List<LiveEvent> rows = new ArrayList<>(outbox.after(highest, BATCH));
        long now = System.nanoTime();
        for (LiveEvent e : rows) {
            for (long missing = highest + 1; missing < e.id() && gaps.size() < MAX_GAPS; missing++) {
                gaps.put(missing, now);
            }
            highest = Math.max(highest, e.id());
        }
        int fresh = rows.size();
        if (!gaps.isEmpty()) {
            List<LiveEvent> late = outbox.byIds(List.copyOf(gaps.keySet()).subList(0, Math.min(gaps.size(), BATCH)));
            late.forEach(e -> gaps.remove(e.id()));
            rows.addAll(late);
            long wait = properties.gapWait().toNanos();
            gaps.values().removeIf(since -> now - since > wait);
        }
        if (!rows.isEmpty()) {
            deliver(rows);
        }
        return fresh;
    }

    private void deliver(List<LiveEvent> rows) {
        Set<String> instances = new LinkedHashSet<>();
        Set<String> tasks = new LinkedHashSet<>();
        for (LiveEvent e : rows) {
            if (e.processInstanceId() != null) {
                instances.add(e.processInstanceId());
            }
            if (e.taskId() != null) {
                tasks.add(e.taskId());
            }
        }
        Map<String, String> keys = businessKeys(instances);
        Map<String, Candidates> links = candidates.ofTasks(tasks);
        List<LiveSubscription> subs = subscriptions.current();
        for (LiveEvent row : rows) {
            // A standalone task belongs to no case.
            LiveEvent e = row.processInstanceId() == null ? row : row.withBusinessKey(keys.get(row.processInstanceId()));
            Candidates c = e.taskId() == null ? Candidates.NONE : links.getOrDefault(e.taskId(), Candidates.NONE);
            for (LiveSubscription s : subs) {
                LiveEvent view = s.view(e, c);
                if (view != null && !emit(s, view)) {
                    // A subscriber that does not read is ended, and its slot freed.
                    s.sink.tryEmitError(DomainException.conflict("subscription", "SLOW_SUBSCRIBER", "error.live.slow", properties.buffer()));
                    subscriptions.close(s);
                }
            }
        }
    }

    /**
     * Hands the event over; a full buffer is given {@code cms.live.slow-after} to drain (a burst larger than the
     * buffer reaches a subscriber that reads), never longer: false if it did not.
     */
    private boolean emit(LiveSubscription s, LiveEvent e) {
        long deadline = System.nanoTime() + properties.slowAfter().toNanos();
        Sinks.EmitResult result;
        while (full(result = s.sink.tryEmitNext(e)) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return !full(result);
    }

    /** A full buffer: the subscriber does not request (OVERFLOW), or has not subscribed to its stream (ZERO_SUBSCRIBER). */
    private static boolean full(Sinks.EmitResult result) {
        return result == Sinks.EmitResult.FAIL_OVERFLOW || result == Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER;
    }

    private Map<String, String> businessKeys(Set<String> instances) {
        if (instances.isEmpty()) {
            return Map.of();
        }
        Map<String, String> keys = new HashMap<>();
        jdbc.query("select ID_, BUSINESS_KEY_ from ACT_HI_PROCINST where ID_ in (:ids)", Map.of("ids", instances),
                rs -> { keys.put(rs.getString(1), rs.getString(2)); });
        return keys;
    }

    /**
     * Every {@code cms.live.login-check}: subscriptions whose login changed since they opened (a role granted or
     * taken back, the password changed, the login disabled) are ended with LOGIN_CHANGED; the client subscribes
     * again, as who it is now. One statement for all subscribers.
     */
    private void checkLogins() {
        long now = System.nanoTime();
        if (now - nextLoginCheck < 0) {
            return;
        }
        nextLoginCheck = now + properties.loginCheck().toNanos();
        List<LiveSubscription> subs = subscriptions.current();
        Map<String, Long> versions = logins.of(subs.stream().map(s -> s.user).distinct().toList());
        for (LiveSubscription s : subs) {
            if (versions.getOrDefault(s.user, 0L) != s.loginVersion) {
                s.sink.tryEmitError(DomainException.unauthorized("subscription", "LOGIN_CHANGED", "error.live.loginChanged"));
                subscriptions.close(s);
            }
        }
    }

    /** Delete statements per cleanup: a few milliseconds between two reads, never seconds. */
    private static final int CLEANUP_CHUNKS = 5;

    /**
     * At most once a minute, from any node: rows older than the retention go, a few thousand at a time (a backlog,
     * say after a burst of 100,000 task creations, goes in steps a second apart, between reads).
     */
    private void cleanup() {
        long now = System.nanoTime();
        if (now - nextCleanup < 0) {
            return;
        }
        int deleted = outbox.deleteOlderThan(Instant.now().minus(properties.retention()), CLEANUP_CHUNKS);
        // Something went: look again in a second, until a round finds nothing old.
        nextCleanup = now + (deleted > 0 ? TimeUnit.SECONDS.toNanos(1) : TimeUnit.MINUTES.toNanos(1));
        if (deleted > 0) {
            log.debug("Deleted {} live events older than {}", deleted, properties.retention());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
