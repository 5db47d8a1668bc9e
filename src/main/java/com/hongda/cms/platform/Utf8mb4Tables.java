package com.hongda.cms.platform;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * After each migration later than V5 on MySQL/MariaDB, under Flyway's lock: any table not in utf8mb4 /
 * utf8mb4_bin is converted. A migration's {@code create table} takes the database's default character
 * set, which is whatever the operator created the database with (V5 changes the default, but a
 * connection opened before keeps the old one); this makes every table, whatever migration made it,
 * store any character. V5 itself converts everything made before it. Tables already converted cost
 * one query.
 */
@Component
class Utf8mb4Tables implements Callback {

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_EACH_MIGRATE && context.getMigrationInfo() != null
                && context.getMigrationInfo().getVersion() != null
                && context.getMigrationInfo().getVersion().isNewerThan(EngineSchemaMigration.VERSION.getVersion());
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection c = context.getConnection();
        try {
            if (EngineSchemaMigration.Database.of(c) == EngineSchemaMigration.Database.MYSQL) {
                EngineSchemaMigration.convertToUtf8mb4(c, context.getConfiguration().getTable());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Converting tables to utf8mb4 failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "utf8mb4-tables";
    }
}
