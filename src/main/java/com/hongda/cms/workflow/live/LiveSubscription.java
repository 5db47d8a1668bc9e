package com.hongda.cms.workflow.live;

import com.hongda.cms.workflow.Candidates;
import java.util.Set;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * One open subscription: who holds it (login and groups, as when it was opened), what it listens to (the
 * inbox, or one case) and its bounded buffer. Only the dispatcher's thread emits into it.
 */
final class LiveSubscription {

    final long id;
    final String user;
    final Set<String> groups;
    /** The watched case's process instance; null for the inbox. */
    final String processInstanceId;
    final Sinks.Many<LiveEvent> sink;
    /** The login's version when the subscription opened: a change of roles, password or status ends it. */
    final long loginVersion;

    LiveSubscription(long id, String user, Set<String> groups, String processInstanceId, int buffer, long loginVersion) {
        this.id = id;
        this.loginVersion = loginVersion;
        this.user = user;
        this.groups = groups;
        this.processInstanceId = processInstanceId;
        this.sink = Sinks.many().unicast().onBackpressureBuffer(Queues.<LiveEvent>get(buffer).get());
    }

    /** Whether this subscriber may read the task: its assignee, or a candidate user or a member of a candidate group. */
    boolean mayRead(String assignee, Candidates candidates) {
        return user.equals(assignee) || candidates.users().contains(user) || candidates.groups().stream().anyMatch(groups::contains);
    }

    /** What this subscription is told of this event, or null. */
    LiveEvent view(LiveEvent e, Candidates candidates) {
        if (processInstanceId == null) {
            return e.kind().aboutTask() && mayRead(e.assignee(), candidates) ? e : null;
        }
        if (!processInstanceId.equals(e.processInstanceId())) {
            return null;
        }
        return e.taskId() == null || mayRead(e.assignee(), candidates) ? e : e.withoutTask();
    }
}
