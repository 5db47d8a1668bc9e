package com.hongda.cms.customer;

import com.hongda.cms.manager.CustomerManager;
import com.hongda.cms.manager.ManagerEffects;
import com.hongda.cms.support.Fixtures;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Test helper of the reassignment tests: demotes a manager the way a process step does
 * ({@link ManagerEffects#demote}, in its transaction) and finds the case it opened.
 */
@Component
class Demotions {

    static final String DECIDING_PROCESS = "pi-demotion-test";

    private final ManagerEffects effects;
    private final JdbcTemplate jdbc;

    Demotions(ManagerEffects effects, JdbcTemplate jdbc) {
        this.effects = effects;
        this.jdbc = jdbc;
    }

    /** Demotes the manager one grade; returns the id of the case it opened, or null when it opened none. */
    Long demote(CustomerManager manager) {
        Long before = latestCase(manager.getId());
        effects.demote(manager.getId(), new ManagerEffects.Decision("ANNUAL_RANK", DECIDING_PROCESS, Fixtures.HR));
        Long after = latestCase(manager.getId());
        return after == null || after.equals(before) ? null : after;
    }

    /** The newest case about the manager, if any. */
    Long latestCase(long managerId) {
        List<Long> ids = jdbc.queryForList("select max(id) from customer_reassignment where manager_id = ?", Long.class, managerId);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** The customer ids a case lists, in the order it listed them. */
    List<Long> listed(long reassignmentId) {
        return jdbc.queryForList("select customer_id from customer_reassignment_item where reassignment_id = ? order by id",
                Long.class, reassignmentId);
    }

    /** The process instance of a case. */
    String processOf(long reassignmentId) {
        return jdbc.queryForObject("select process_instance_id from customer_reassignment where id = ?", String.class, reassignmentId);
    }
}
