package nl.kindpakket.ledger.api.rebuild;

import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The schema a rebuild writes into: one empty table per live table, made like the live one (columns, defaults, keys
 * and indexes) when the rebuild starts, so that it follows every migration of the read models without a copy of
 * their DDL. PostgreSQL makes them with {@code LIKE .. INCLUDING ALL}; H2, which has no LIKE, from its own script of
 * the live table.
 */
final class ShadowSchema {

    private final JdbcTemplate jdbc;
    private final String schema;

    ShadowSchema(JdbcTemplate jdbc, String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("the rebuild schema must be a lower-case SQL name: " + schema);
        }
        this.jdbc = jdbc;
        this.schema = schema;
    }

    String name() {
        return schema;
    }

    /** Fresh, empty shadow tables, whatever an earlier rebuild left behind. */
    void create(List<String> tables) {
        String live = liveSchema();
        boolean h2 = isH2();
        jdbc.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        for (String table : tables) {
            jdbc.execute("DROP TABLE IF EXISTS " + schema + "." + table);
            if (h2) {
                for (String statement : h2Script(live, table)) {
                    jdbc.execute(statement.replace("\"" + live + "\".", "\"" + schema + "\"."));
                }
            } else {
                jdbc.execute("CREATE TABLE " + schema + "." + table + " (LIKE " + live + "." + table + " INCLUDING ALL)");
            }
        }
    }

    void drop(List<String> tables) {
        tables.forEach(table -> jdbc.execute("DROP TABLE IF EXISTS " + schema + "." + table));
    }

    /**
     * Replaces the live rows by the shadow rows, in the caller's transaction: readers keep seeing the old rows until
     * it commits, then the new ones, never a mix (a DELETE, unlike TRUNCATE, leaves older snapshots intact).
     */
    void copyIntoLive(List<String> tables) {
        for (String table : tables) {
            String columns = columnsOf(table);
            jdbc.update("DELETE FROM " + table);
            jdbc.update("INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM " + schema + "." + table);
        }
    }

    long rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + schema + "." + table, Long.class);
    }

    private String columnsOf(String table) {
        return jdbc.query("SELECT * FROM " + table + " WHERE 1 = 0", resultSet -> {
            ResultSetMetaData columns = resultSet.getMetaData();
            StringJoiner names = new StringJoiner(", ");
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                names.add(columns.getColumnName(i).toLowerCase());
            }
            return names.toString();
        });
    }

    private List<String> h2Script(String live, String table) {
        List<String> statements = new ArrayList<>();
        jdbc.query("SCRIPT NODATA TABLE " + live + "." + table, row -> {
            String statement = row.getString(1);
            if (statement.startsWith("CREATE ") && !statement.startsWith("CREATE USER") || statement.startsWith("ALTER TABLE")) {
                statements.add(statement);
            }
        });
        return statements;
    }

    private String liveSchema() {
        return jdbc.queryForObject("SELECT CURRENT_SCHEMA", String.class);
    }

    boolean isH2() {
        return "H2".equals(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
    }
}
