package com.hongda.cms.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Grows the engine's history quickly: copies the history rows of real finished instances (every
 * ACT_HI_* table that records a process instance) under new ids, in the database, with
 * INSERT … SELECT. Running the story 20,000 times would take far longer than the benchmark's
 * budget; the copies have exactly the rows, sizes and index entries real instances leave behind.
 * Shared references (definitions, byte arrays, users) stay as they are.
 */
final class HistoryCloner {

    /** Columns holding ids of the instance's own history records: suffixed in each copy. */
    private static final Set<String> OWN_IDS = Set.of("ID_", "PROC_INST_ID_", "ROOT_PROC_INST_ID_", "EXECUTION_ID_",
            "ACT_INST_ID_", "PARENT_ACT_INST_ID_", "TASK_ID_", "VAR_INST_ID_", "DEC_INST_ID_", "ROOT_DEC_INST_ID_",
            "OPERATION_ID_", "CALL_PROC_INST_ID_", "SUPER_PROCESS_INSTANCE_ID_");

    private final DataSource dataSource;
    private int pass;

    HistoryCloner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Copies each of {@code templates} once, until {@code count} copies are made; returns rows written. */
    long copy(List<String> templates, int count) throws SQLException {
        long rows = 0;
        int made = 0;
        try (Connection c = dataSource.getConnection()) {
            Map<String, Table> tables = tables(c);
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                while (made < count) {
                    pass++;
                    String suffix = String.format("~%04d", pass);
                    int n = Math.min(templates.size(), count - made);
                    for (int from = 0; from < n; from += 200) {
                        List<String> chunk = templates.subList(from, Math.min(n, from + 200));
                        for (Table t : tables.values()) {
                            rows += t.copy(c, chunk, suffix);
                        }
                        c.commit();
                    }
                    made += n;
                }
            } finally {
                c.setAutoCommit(auto);
            }
        }
        return rows;
    }

    private record Table(String name, List<String> columns, String filter) {
        long copy(Connection c, List<String> ids, String suffix) throws SQLException {
            StringBuilder select = new StringBuilder();
            for (String col : columns) {
                if (!select.isEmpty()) {
                    select.append(", ");
                }
                // The copy's id: the last 5 characters replaced by the pass ("~0001"), so ids keep their
                // length (some are near the column's 64). Time-based UUIDs differ before their node
                // part, so copies stay unique. CASE keeps NULL as NULL (H2's CONCAT would not).
                select.append(OWN_IDS.contains(col)
                        ? "CASE WHEN " + col + " IS NULL THEN NULL ELSE CONCAT(SUBSTRING(" + col + ", 1, CHAR_LENGTH(" + col + ") - 5), ?) END"
                        : col);
            }
            int suffixed = (int) columns.stream().filter(OWN_IDS::contains).count();
            String sql = "INSERT INTO " + name + " (" + String.join(", ", columns) + ") SELECT " + select + " FROM " + name
                    + " WHERE " + filter + " IN (" + String.join(", ", ids.stream().map(i -> "?").toList()) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (int k = 0; k < suffixed; k++) {
                    ps.setString(i++, suffix);
                }
                for (String id : ids) {
                    ps.setString(i++, id);
                }
                return ps.executeUpdate();
            }
        }
    }

    private static Map<String, Table> tables(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (ResultSet rs = md.getColumns(c.getCatalog(), null, "%", "%")) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT);
                if (table.startsWith("ACT_HI_")) {
                    columns.computeIfAbsent(rs.getString("TABLE_NAME"), x -> new ArrayList<>())
                            .add(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                }
            }
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        columns.forEach((table, cols) -> {
            String filter = cols.contains("ROOT_PROC_INST_ID_") ? "ROOT_PROC_INST_ID_" : cols.contains("PROC_INST_ID_") ? "PROC_INST_ID_" : null;
            if (filter != null) {
                tables.put(table, new Table(table, cols, filter));
            }
        });
        return tables;
    }
}
