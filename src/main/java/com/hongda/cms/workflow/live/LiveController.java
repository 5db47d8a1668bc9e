package com.hongda.cms.workflow.live;

import com.hongda.cms.common.DomainException;
import com.hongda.cms.security.CurrentUser;
import com.hongda.cms.security.LoginStamps;
import com.hongda.cms.security.Role;
import com.hongda.cms.workflow.task.Caller;
import java.util.HashSet;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The subscriptions of the live inbox. The caller is read when the subscription opens (over WebSocket from
 * the connection's authentication, see {@code security.SubscriptionAuthentication}); every event is checked
 * against that caller by the dispatcher.
 */
@Controller
class LiveController {

    private static final Role[] SEE_EVERY_CASE = {Role.HR, Role.AUDITOR, Role.ADMIN};

    private final LiveSubscriptions subscriptions;
    private final LoginStamps logins;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    /**
     * Where events are handed to the transport: SSE writes on the thread that delivers, and a client that does
     * not read blocks that write; never the dispatcher's thread, and never more threads than this.
     */
    private final Scheduler delivery = Schedulers.newBoundedElastic(64, 100_000, "live-delivery", 60, true);

    LiveController(LiveSubscriptions subscriptions, LoginStamps logins, JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.named = named;
        this.subscriptions = subscriptions;
        this.logins = logins;
        this.jdbc = jdbc;
    }

    @SubscriptionMapping
    Flux<LiveEvent> inboxChanged() {
        return stream(null);
    }

    @SubscriptionMapping
    Flux<LiveEvent> caseChanged(@Argument String processInstanceId) {
        if (processInstanceId == null || processInstanceId.isEmpty() || processInstanceId.length() > 64) {
            throw DomainException.badRequest("processInstanceId", "ID_FORMAT", "error.idFormat", "processInstanceId");
        }
        Integer known = jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where ID_ = ?", Integer.class, processInstanceId);
        if (known == null || known == 0 || !CurrentUser.hasAnyRole(SEE_EVERY_CASE) && !involved(processInstanceId, Caller.current())) {
            throw DomainException.notFound("processInstanceId", "processInstance", processInstanceId);
        }
        return stream(processInstanceId);
    }

    private Flux<LiveEvent> stream(String processInstanceId) {
        Caller me = Caller.current();
        LiveSubscription s = subscriptions.open(me.id(), new HashSet<>(me.groups()), processInstanceId, logins.of(me.id()));
        return s.sink.asFlux().publishOn(delivery, 32).doFinally(signal -> subscriptions.close(s));
    }

    /** Whether the caller has been the assignee or a candidate (user or group) of a task of the case: two indexed reads. */
    private boolean involved(String processInstanceId, Caller me) {
        Integer assigned = jdbc.queryForObject("select count(*) from ACT_HI_TASKINST where PROC_INST_ID_ = ? and ASSIGNEE_ = ?",
                Integer.class, processInstanceId, me.id());
        if (assigned != null && assigned > 0) {
            return true;
        }
        List<String> groups = me.groups().isEmpty() ? List.of("") : me.groups();
        Integer candidate = named.queryForObject("select count(*) from ACT_HI_IDENTITYLINK l join ACT_HI_TASKINST t on t.ID_ = l.TASK_ID_"
                + " where t.PROC_INST_ID_ = :pi and l.TYPE_ = 'candidate' and (l.USER_ID_ = :user or l.GROUP_ID_ in (:groups))",
                java.util.Map.of("pi", processInstanceId, "user", me.id(), "groups", groups), Integer.class);
        return candidate != null && candidate > 0;
    }
}
