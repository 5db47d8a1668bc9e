package com.hongda.cms.workflow.task;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's task table for the orders the inbox offers ({@link TaskSort}). The engine
 * indexes the creation time but not the due date or the priority; without them a page of
 * claimable tasks sorted by due date reads and sorts every open task ({@link ClaimableTasks}).
 * They are created here, at start, if missing (they could move into a Flyway migration now that
 * Flyway creates the engine's tables too, V5; here they also reach databases whose V5 predates
 * them). A database user without the right to create indexes gets a warning, not a failed start:
 * the inbox works without them, only slower.
 */
@Component
@Order(0)
class InboxIndexes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InboxIndexes.class);

    /** Index name → column of ACT_RU_TASK. */
    static final Map<String, String> INDEXES = Map.of("CMS_IDX_TASK_DUE", "DUE_DATE_", "CMS_IDX_TASK_PRIORITY", "PRIORITY_");

    private final DataSource dataSource;

    InboxIndexes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void run(ApplicationArguments args) {
        try (Connection c = dataSource.getConnection()) {
            Set<String> present = existing(c);
            for (Map.Entry<String, String> index : INDEXES.entrySet()) {
                if (!present.contains(index.getKey())) {
                    create(c, index.getKey(), index.getValue());
                }
            }
        } catch (SQLException e) {
            log.warn("Could not check the inbox indexes on ACT_RU_TASK: {}", e.getMessage());
        }
    }

    private void create(Connection c, String name, String column) {
        try (Statement s = c.createStatement()) {
            s.execute("create index " + name + " on ACT_RU_TASK (" + column + ")");
            log.info("Created index {} on ACT_RU_TASK ({})", name, column);
        } catch (SQLException e) {
            // Another instance starting at the same moment may have created it first.
            try {
                if (existing(c).contains(name)) {
                    return;
                }
            } catch (SQLException ignored) {
                // reported below
            }
            log.warn("Could not create index {} on ACT_RU_TASK ({}); the inbox works without it, more slowly: {}",
                    name, column, e.getMessage());
        }
    }

    /** Names of the indexes on ACT_RU_TASK, upper-cased. */
    static Set<String> existing(Connection c) throws SQLException {
        Set<String> names = new HashSet<>();
        DatabaseMetaData md = c.getMetaData();
        for (String table : new String[] {"ACT_RU_TASK", "act_ru_task"}) {
            try (ResultSet rs = md.getIndexInfo(c.getCatalog(), c.getSchema(), table, false, true)) {
                while (rs.next()) {
                    if (rs.getString("INDEX_NAME") != null) {
                        names.add(rs.getString("INDEX_NAME").toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }
}
