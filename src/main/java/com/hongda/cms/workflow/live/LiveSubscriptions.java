package com.hongda.cms.workflow.live;

import com.hongda.cms.common.DomainException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * This node's open subscriptions, bounded per login and per node. The first subscription after none
 * tells the dispatcher where the outbox stands, so nothing committed after it opened is missed.
 */
@Component
class LiveSubscriptions {

    private final LiveProperties properties;
    private final LiveOutbox outbox;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, LiveSubscription> open = new HashMap<>();
    private final Map<String, Integer> perUser = new HashMap<>();
    private volatile List<LiveSubscription> snapshot = List.of();
    /** Where the dispatcher starts reading when it was idle; -1 when it need not be told. */
    private long startAfter = -1;

    LiveSubscriptions(LiveProperties properties, LiveOutbox outbox) {
        this.properties = properties;
        this.outbox = outbox;
    }

    synchronized LiveSubscription open(String user, Set<String> groups, String processInstanceId, long loginVersion) {
        if (perUser.getOrDefault(user, 0) >= properties.perUser()) {
            throw DomainException.badRequest("subscription", "TOO_MANY_SUBSCRIPTIONS", "error.live.perUser", properties.perUser());
        }
        if (open.size() >= properties.perNode()) {
            throw DomainException.badRequest("subscription", "TOO_MANY_SUBSCRIPTIONS", "error.live.perNode");
        }
        if (open.isEmpty()) {
            startAfter = outbox.newest();
        }
        LiveSubscription s = new LiveSubscription(ids.incrementAndGet(), user, Set.copyOf(groups), processInstanceId, properties.buffer(),
                loginVersion);
        open.put(s.id, s);
        perUser.merge(user, 1, Integer::sum);
        snapshot = List.copyOf(open.values());
        return s;
    }

    synchronized void close(LiveSubscription s) {
        if (open.remove(s.id) != null) {
            perUser.computeIfPresent(s.user, (k, n) -> n > 1 ? n - 1 : null);
            snapshot = List.copyOf(open.values());
        }
    }

    /** The open subscriptions now; no lock for the reader. */
    List<LiveSubscription> current() {
        return snapshot;
    }

    /** The id to read after when the dispatcher was idle, once; -1 if there is none. */
    synchronized long takeStart() {
        long s = startAfter;
        startAfter = -1;
        return s;
    }
}
