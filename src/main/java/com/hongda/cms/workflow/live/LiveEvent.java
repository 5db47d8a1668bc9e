package com.hongda.cms.workflow.live;

import java.time.Instant;

/**
 * One change as the outbox keeps it and a subscriber receives it. {@code businessKey} is filled when the
 * event is dispatched; {@code taskId} is withheld (null) from a case watcher who may not read the task.
 */
public record LiveEvent(long id, LiveEventKind kind, String processInstanceId, String businessKey, String taskId, String step,
                        String name, String assignee, Integer priority, Instant due, String incidentId, Instant at) {

    LiveEvent withBusinessKey(String key) {
        return new LiveEvent(id, kind, processInstanceId, key, taskId, step, name, assignee, priority, due, incidentId, at);
    }

    LiveEvent committedAt(Instant moment) {
        return new LiveEvent(id, kind, processInstanceId, businessKey, taskId, step, name, assignee, priority, due, incidentId, moment);
    }

    LiveEvent withoutTask() {
        return new LiveEvent(id, kind, processInstanceId, businessKey, null, step, name, assignee, priority, due, incidentId, at);
    }
}
