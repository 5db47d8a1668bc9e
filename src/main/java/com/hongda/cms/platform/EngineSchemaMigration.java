package com.hongda.cms.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 5: the engine's tables, created from the engine's own scripts, so that Flyway is
 * the one writer of every schema (the engine runs with {@code schema-update: false} and only checks).
 *
 * <p>For each of the parts the engine itself creates — engine, history, identity, case engine and
 * history, decision engine and history — the scripts {@code activiti.<db>.create.<part>.sql} from
 * the camunda-engine jar run unless the part's marker table (the one the engine checks) exists. A
 * database made by an earlier version of this service already has every part, made by the engine.
 *
 * <p>On MySQL/MariaDB the engine's scripts declare {@code utf8} (3 bytes, utf8mb3) with
 * {@code utf8_bin}: an emoji or a rare CJK character cannot be stored, and comparing one with those
 * columns fails with "Illegal mix of collations". The scripts are run with utf8mb4 / utf8mb4_bin
 * instead, and afterwards every table of the schema not yet in utf8mb4_bin (an existing database's
 * engine tables, and the domain tables V1–V4 made in the database's default character set) is
 * converted, as is the database's default. MySQL and MariaDB refuse to change the character set of
 * a column a foreign key uses, so the foreign keys are dropped for the conversion and recreated as
 * they were. On H2 (Java strings, any character) there is nothing to convert.
 */
@Component
public class EngineSchemaMigration implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(EngineSchemaMigration.class);
    /** The migration's version: V5, after the domain tables V1–V4. */
    static final MigrationVersion VERSION = MigrationVersion.fromVersion("5");

    static final String SCRIPTS = "org/camunda/bpm/engine/db/create/";

    /** The engine's parts in the order the engine creates them, with the table it checks for each. */
    static final Map<String, String> PARTS = parts();

    static final String CHARSET = "utf8mb4";
    static final String COLLATION = "utf8mb4_bin";

    private static Map<String, String> parts() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("engine", "ACT_RU_EXECUTION");
        parts.put("history", "ACT_HI_PROCINST");
        parts.put("identity", "ACT_ID_USER");
        parts.put("case.engine", "ACT_RE_CASE_DEF");
        parts.put("case.history", "ACT_HI_CASEINST");
        parts.put("decision.engine", "ACT_RE_DECISION_DEF");
        parts.put("decision.history", "ACT_HI_DECINST");
        return parts;
    }

    @Override
    public MigrationVersion getVersion() {
        return VERSION;
    }

    @Override
    public String getDescription() {
        return "engine schema utf8mb4";
    }

    /** None: the engine's scripts belong to the engine's version, and an applied V5 stays valid. */
    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        Database db = Database.of(c);
        for (Map.Entry<String, String> part : PARTS.entrySet()) {
            if (tableExists(c, db, part.getValue())) {
                log.info("Engine schema part '{}' exists ({}); not created", part.getKey(), part.getValue());
            } else {
                log.info("Creating engine schema part '{}'", part.getKey());
                for (String sql : statements(script(db, part.getKey()))) {
                    execute(c, db == Database.MYSQL ? toUtf8mb4(sql) : sql);
                }
            }
        }
        if (db == Database.MYSQL) {
            convertToUtf8mb4(c, context.getConfiguration().getTable());
        }
    }

    enum Database {
        H2("h2"), MYSQL("mysql");

        final String scriptName;

        Database(String scriptName) {
            this.scriptName = scriptName;
        }

        static Database of(Connection c) throws SQLException {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return H2;
            }
            if (product.contains("mysql") || product.contains("mariadb")) {
                return MYSQL;
            }
            throw new IllegalStateException("No engine schema for database " + product + " (H2, MySQL and MariaDB only)");
        }

        String currentSchema() {
            return this == H2 ? "CURRENT_SCHEMA" : "DATABASE()";
        }
    }

    static String script(Database db, String part) throws IOException {
        String name = SCRIPTS + "activiti." + db.scriptName + ".create." + part + ".sql";
        try (InputStream in = EngineSchemaMigration.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The engine's script " + name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The statements of one of the engine's scripts, split as the engine splits them: a statement ends at a line ending in ';'. */
    static List<String> statements(String script) throws IOException {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(script))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("--") || trimmed.startsWith("#")) {
                    continue;
                }
                if (!current.isEmpty()) {
                    current.append('\n');
                }
                if (trimmed.endsWith(";")) {
                    current.append(trimmed, 0, trimmed.length() - 1);
                    statements.add(current.toString());
                    current.setLength(0);
                } else {
                    current.append(trimmed);
                }
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("Unterminated statement in the engine's script: " + current);
        }
        return statements;
    }

    /** The engine's MySQL table options with utf8mb4; refuses a statement still naming the 3-byte set. */
    static String toUtf8mb4(String sql) {
        String converted = sql.replaceAll("(?i)\\bCHARSET\\s*=\\s*utf8(mb3)?\\b", "CHARSET=" + CHARSET)
                .replaceAll("(?i)\\bCOLLATE\\s*=?\\s*utf8(mb3)?_bin\\b", "COLLATE " + COLLATION);
        if (converted.matches("(?is).*\\butf8(mb3)?(_\\w+)?\\b.*")) {
            throw new IllegalStateException("Unexpected 3-byte character set in the engine's script: " + sql);
        }
        return converted;
    }

    private static boolean tableExists(Connection c, Database db, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from information_schema.tables where table_schema = "
                + db.currentSchema() + " and upper(table_name) = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Every table of the schema but Flyway's own in utf8mb4 / utf8mb4_bin, foreign keys as before. */
    static void convertToUtf8mb4(Connection c, String flywayTable) throws SQLException {
        execute(c, "alter database character set " + CHARSET + " collate " + COLLATION);
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select t.table_name from information_schema.tables t
                where t.table_schema = database() and t.table_type = 'BASE TABLE' and t.table_name <> ?
                  and (t.table_collation is null or t.table_collation <> ?
                       or exists (select 1 from information_schema.columns col where col.table_schema = t.table_schema
                                  and col.table_name = t.table_name and col.collation_name <> ?))
                order by t.table_name""")) {
            ps.setString(1, flywayTable);
            ps.setString(2, COLLATION);
            ps.setString(3, COLLATION);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        if (tables.isEmpty()) {
            return;
        }
        log.info("Converting {} tables to {} / {}: {}", tables.size(), CHARSET, COLLATION, tables);
        List<ForeignKey> keys = ForeignKey.all(c);
        for (ForeignKey key : keys) {
            execute(c, key.drop());
        }
        try {
            for (String table : tables) {
                execute(c, "alter table `" + table + "` convert to character set " + CHARSET + " collate " + COLLATION);
            }
        } catch (SQLException e) {
            log.error("Converting to {} failed; the foreign keys dropped for it are recreated, the tables are as "
                    + "far as they got. To restore the keys by hand: {}", CHARSET,
                    String.join("; ", keys.stream().map(ForeignKey::create).toList()));
            recreate(c, keys);
            throw e;
        }
        recreate(c, keys);
    }

    private static void recreate(Connection c, List<ForeignKey> keys) throws SQLException {
        // The rows were consistent when the keys were dropped; do not re-check every row.
        execute(c, "set foreign_key_checks = 0");
        try {
            for (ForeignKey key : keys) {
                execute(c, key.create());
            }
        } finally {
            execute(c, "set foreign_key_checks = 1");
        }
    }

    /** A foreign key of the current schema as information_schema describes it. */
    record ForeignKey(String table, String name, List<String> columns, String referencedTable,
                      List<String> referencedColumns, String onUpdate, String onDelete) {

        static List<ForeignKey> all(Connection c) throws SQLException {
            Map<String, ForeignKey> keys = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    select k.table_name, k.constraint_name, k.column_name, k.referenced_table_name,
                           k.referenced_column_name, r.update_rule, r.delete_rule
                    from information_schema.key_column_usage k
                    join information_schema.referential_constraints r
                      on r.constraint_schema = k.constraint_schema and r.constraint_name = k.constraint_name
                     and r.table_name = k.table_name
                    where k.table_schema = database() and k.referenced_table_name is not null
                    order by k.table_name, k.constraint_name, k.ordinal_position""")) {
                while (rs.next()) {
                    String id = rs.getString(1) + "." + rs.getString(2);
                    ForeignKey key = keys.computeIfAbsent(id, k -> {
                        try {
                            return new ForeignKey(rs.getString(1), rs.getString(2), new ArrayList<>(), rs.getString(4),
                                    new ArrayList<>(), rs.getString(6), rs.getString(7));
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    key.columns().add(rs.getString(3));
                    key.referencedColumns().add(rs.getString(5));
                }
            }
            return new ArrayList<>(keys.values());
        }

        String drop() {
            return "alter table `" + table + "` drop foreign key `" + name + "`";
        }

        String create() {
            return "alter table `" + table + "` add constraint `" + name + "` foreign key (" + quoted(columns)
                    + ") references `" + referencedTable + "` (" + quoted(referencedColumns) + ") on update " + onUpdate
                    + " on delete " + onDelete;
        }

        private static String quoted(List<String> names) {
            return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
        }
    }
}
