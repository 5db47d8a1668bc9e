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
 *
 * <p>Each copy belongs to a pass (the n-th copy of every template). A copy's id is its template's id
 * with the last 5 characters dropped and the pass ("~0001") put in front: as long as the
 * template's, unique (time-based UUIDs differ before their node part), and sorted after every real
 * id and every earlier pass. So the copies append to the end of each index on ids instead of
 * landing next to each of the templates' rows: once the history outgrows MySQL's buffer pool,
 * scattered inserts cost a page read and write per index entry, and the copying grows
 * quadratically. One INSERT … SELECT per table makes several passes at once, joining the
 * templates' rows with a derived table of passes.
 */
final class HistoryCloner {

    /** Columns holding ids of the instance's own history records: renamed in each copy. */
    private static final Set<String> OWN_IDS = Set.of("ID_", "PROC_INST_ID_", "ROOT_PROC_INST_ID_", "EXECUTION_ID_",
            "ACT_INST_ID_", "PARENT_ACT_INST_ID_", "TASK_ID_", "VAR_INST_ID_", "DEC_INST_ID_", "ROOT_DEC_INST_ID_",
            "OPERATION_ID_", "CALL_PROC_INST_ID_", "SUPER_PROCESS_INSTANCE_ID_");

    /** Copies made by one INSERT … SELECT per table, and per transaction (some 38,000 rows of ineligible instances). */
    private static final int COPIES_PER_STATEMENT = 1_000;

    /** Templates per statement: the length of the IN list. */
    private static final int TEMPLATES_PER_STATEMENT = 200;

    /** "~" and 4 digits: the pass, in front of the id; as many characters are dropped from its end. */
    private static final int PASS_LENGTH = 5;
    private static final int MAX_PASS = 9_999;

    private final DataSource dataSource;
    /** The last pass in this database (copies of earlier runs included); -1 until read from it. */
    private int pass = -1;

    HistoryCloner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Makes {@code count} copies, spread evenly over {@code templates}; returns rows written. */
    long copy(List<String> templates, int count) throws SQLException {
        if (count <= 0) {
            return 0;
        }
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("no templates to copy");
        }
        long rows = 0;
        try (Connection c = dataSource.getConnection()) {
            Map<String, Table> tables = tables(c);
            if (pass < 0) {
                pass = lastPass(c);
            }
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                // Whole passes over all templates, several per statement; then one partial pass.
                int full = count / templates.size();
                int rest = count % templates.size();
                int perStatement = Math.max(1, COPIES_PER_STATEMENT / Math.min(templates.size(), TEMPLATES_PER_STATEMENT));
                for (int done = 0; done < full; ) {
                    List<String> passes = passNames(pass + 1, Math.min(perStatement, full - done));
                    rows += copy(c, tables, templates, passes);
                    pass += passes.size();
                    done += passes.size();
                }
                if (rest > 0) {
                    rows += copy(c, tables, templates.subList(0, rest), passNames(pass + 1, 1));
                    pass++;
                }
            } catch (SQLException | RuntimeException e) {
                pass = -1;
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
        return rows;
    }

    /** Copies {@code templates} once per pass, a slice of them per transaction. */
    private static long copy(Connection c, Map<String, Table> tables, List<String> templates, List<String> passes)
            throws SQLException {
        long rows = 0;
        for (int from = 0; from < templates.size(); from += TEMPLATES_PER_STATEMENT) {
            List<String> slice = templates.subList(from, Math.min(templates.size(), from + TEMPLATES_PER_STATEMENT));
            for (Table t : tables.values()) {
                rows += t.copy(c, slice, passes);
            }
            c.commit();
        }
        return rows;
    }

    private static List<String> passNames(int first, int passes) {
        if (first + passes - 1 > MAX_PASS) {
            throw new IllegalStateException("more than " + MAX_PASS + " copies of a template: use more templates");
        }
        List<String> names = new ArrayList<>();
        for (int p = first; p < first + passes; p++) {
            names.add(String.format(Locale.ROOT, "~%04d", p));
        }
        return names;
    }

    /** The highest pass among copies already in the database (0 if none). */
    private static int lastPass(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(ID_) FROM ACT_HI_PROCINST WHERE ID_ LIKE '~%'");
             ResultSet rs = ps.executeQuery()) {
            String last = rs.next() ? rs.getString(1) : null;
            return last == null ? 0 : Integer.parseInt(last.substring(1, PASS_LENGTH));
        }
    }

    private record Table(String name, List<String> columns, String filter) {
        long copy(Connection c, List<String> ids, List<String> passes) throws SQLException {
            StringBuilder select = new StringBuilder();
            for (String col : columns) {
                if (!select.isEmpty()) {
                    select.append(", ");
                }
                String s = "S." + col;
                // CASE keeps NULL as NULL (H2's CONCAT would not).
                select.append(OWN_IDS.contains(col)
                        ? "CASE WHEN " + s + " IS NULL THEN NULL ELSE CONCAT(P.PASS_, SUBSTRING(" + s + ", 1, CHAR_LENGTH(" + s
                                + ") - " + PASS_LENGTH + ")) END"
                        : s);
            }
            // The passes are generated by this class ("~0001"), never outside input.
            String passTable = String.join(" UNION ALL ", passes.stream().map(p -> "SELECT '" + p + "' AS PASS_").toList());
            String sql = "INSERT INTO " + name + " (" + String.join(", ", columns) + ") SELECT " + select + " FROM " + name
                    + " S CROSS JOIN (" + passTable + ") P WHERE S." + filter + " IN ("
                    + String.join(", ", ids.stream().map(i -> "?").toList()) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
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
