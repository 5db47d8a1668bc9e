package com.hongda.cms.workflow.history;

import com.hongda.cms.workflow.history.HistoryViews.Instance;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The audit trail of one instance. Sections share engine reads (the variable changes need the tasks
 * and the operation log, the diagram needs the timeline), so each read runs once per request and
 * only when a selected field needs it.
 */
final class ProcessInstanceAudit {

    private final Instance instance;
    private final Map<String, Object> reads = new HashMap<>();

    ProcessInstanceAudit(Instance instance) {
        this.instance = instance;
    }

    public Instance getInstance() {
        return instance;
    }

    String id() {
        return instance.id();
    }

    /** The result of {@code read}, run on first use only. Re-entrant: a read may use other reads. */
    @SuppressWarnings("unchecked")
    synchronized <T> T once(String name, Supplier<T> read) {
        if (!reads.containsKey(name)) {
            reads.put(name, read.get());
        }
        return (T) reads.get(name);
    }
}
