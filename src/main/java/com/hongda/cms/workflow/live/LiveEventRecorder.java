package com.hongda.cms.workflow.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns the engine's history events of tasks, incidents and process ends into outbox rows, in the
 * transaction of the change: the events of one transaction are collected, consecutive updates of a task
 * merged into one, and written in one batch just before it commits; a rolled-back transaction writes
 * nothing and tells nobody. After the commit, this node's dispatcher is woken at once.
 *
 * <p>Why history events: every change of a task (created, assignee, priority, due date, completed,
 * deleted), of an incident and of a case's end passes through the engine's history event handler, whoever
 * makes it (a request, a job, a timer), so nothing a subscriber must hear of can bypass it. The engine's
 * own database handler stays in place; this one is added beside it.
 */
@Component
class LiveEventRecorder extends AbstractProcessEnginePlugin {

    private final LiveOutbox outbox;
    // The dispatcher needs the engine's services, and the engine needs this plugin: look it up late.
    private final ObjectProvider<LiveDispatcher> dispatcher;

    LiveEventRecorder(LiveOutbox outbox, ObjectProvider<LiveDispatcher> dispatcher) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        // Not a bean of its own: the engine's Spring Boot starter would register a HistoryEventHandler bean a second time.
        handlers.add(new HistoryEventHandler() {
            @Override
            public void handleEvent(HistoryEvent event) {
                record(event);
            }

            @Override
            public void handleEvents(List<HistoryEvent> events) {
                events.forEach(this::handleEvent);
            }
        });
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(true);
    }

    private void record(HistoryEvent event) {
        LiveEvent live = of(event, Instant.now());
        if (live == null) {
            return;
        }
        Pending pending = pending();
        if (pending == null) {
            // The engine runs every command in a Spring transaction; without one there is nothing to wait for.
            outbox.insert(List.of(live));
            wake();
        } else {
            pending.add(live);
        }
    }

    /** The event a subscriber may hear of, or null. Times are the wall clock's: the outbox is transport, not a record. */
    static LiveEvent of(HistoryEvent event, Instant now) {
        String type = event.getEventType();
        if (event instanceof HistoricTaskInstanceEventEntity t) {
            LiveEventKind kind = is(type, HistoryEventTypes.TASK_INSTANCE_CREATE) ? LiveEventKind.TASK_CREATED
                    : is(type, HistoryEventTypes.TASK_INSTANCE_UPDATE) ? LiveEventKind.TASK_UPDATED
                    : is(type, HistoryEventTypes.TASK_INSTANCE_COMPLETE) ? LiveEventKind.TASK_COMPLETED
                    : is(type, HistoryEventTypes.TASK_INSTANCE_DELETE) ? LiveEventKind.TASK_CANCELLED : null;
            return kind == null ? null : new LiveEvent(0, kind, t.getProcessInstanceId(), null, t.getTaskId(), t.getTaskDefinitionKey(),
                    t.getName(), t.getAssignee(), t.getPriority(), t.getDueDate() == null ? null : t.getDueDate().toInstant(), null, now);
        }
        if (event instanceof HistoricIncidentEventEntity i) {
            LiveEventKind kind = is(type, HistoryEventTypes.INCIDENT_CREATE) ? LiveEventKind.INCIDENT_CREATED
                    : is(type, HistoryEventTypes.INCIDENT_RESOLVE) || is(type, HistoryEventTypes.INCIDENT_DELETE)
                    ? LiveEventKind.INCIDENT_RESOLVED : null;
            return kind == null ? null
                    : new LiveEvent(0, kind, i.getProcessInstanceId(), null, null, i.getActivityId(), null, null, null, null, i.getId(), now);
        }
        if (event instanceof HistoricProcessInstanceEventEntity p && is(type, HistoryEventTypes.PROCESS_INSTANCE_END)) {
            return new LiveEvent(0, LiveEventKind.CASE_ENDED, p.getProcessInstanceId(), null, null, null, null, null, null, null, null, now);
        }
        return null;
    }

    private static boolean is(String type, HistoryEventTypes expected) {
        return expected.getEventName().equals(type);
    }

    /** The current transaction's collection, registered with it on first use; null outside a transaction. */
    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        // Looked up among the current transaction's synchronizations, not bound as a resource: a transaction
        // started inside (REQUIRES_NEW, the kit's retries) has its own list and so its own collection.
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending p && p.owner == this) {
                return p;
            }
        }
        Pending p = new Pending(this);
        TransactionSynchronizationManager.registerSynchronization(p);
        return p;
    }

    private void wake() {
        LiveDispatcher d = dispatcher.getIfAvailable();
        if (d != null) {
            d.wake();
        }
    }

    /** One transaction's events, written before it commits. */
    private static final class Pending implements TransactionSynchronization {

        private final LiveEventRecorder owner;
        private final List<LiveEvent> events = new ArrayList<>();
        private final Map<String, Integer> lastOfTask = new HashMap<>();

        Pending(LiveEventRecorder owner) {
            this.owner = owner;
        }

        /** An update of a task already created or updated in this transaction only changes that event's values. */
        void add(LiveEvent e) {
            Integer last = e.taskId() == null ? null : lastOfTask.get(e.taskId());
            if (e.kind() == LiveEventKind.TASK_UPDATED && last != null) {
                LiveEvent before = events.get(last);
                if (before.kind() == LiveEventKind.TASK_CREATED || before.kind() == LiveEventKind.TASK_UPDATED) {
                    events.set(last, new LiveEvent(0, before.kind(), e.processInstanceId(), null, e.taskId(), e.step(), e.name(),
                            e.assignee(), e.priority(), e.due(), null, e.at()));
                    return;
                }
            }
            if (e.taskId() != null) {
                lastOfTask.put(e.taskId(), events.size());
            }
            events.add(e);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!events.isEmpty()) {
                // Every event of the transaction carries the moment it commits (the schema's "at"), not the moment of its
                // change inside the transaction: what a subscriber's delay is measured from.
                Instant commit = Instant.now();
                owner.outbox.insert(events.stream().map(e -> e.committedAt(commit)).toList());
            }
        }

        @Override
        public void afterCommit() {
            if (!events.isEmpty()) {
                owner.wake();
            }
        }
    }
}
