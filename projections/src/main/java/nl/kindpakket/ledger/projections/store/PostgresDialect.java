package nl.kindpakket.ledger.projections.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import nl.kindpakket.ledger.projections.table.CounterTable;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** PostgreSQL: upserts with ON CONFLICT, new tables filled with COPY and switched in by moving schemas. */
final class PostgresDialect extends Dialect {

    /** What one index build may sort in memory; two run at a time. */
    private static final String SORT_MEMORY = "256MB";

    @Override
    String upsert(String table, List<String> keyColumns, List<String> columns, List<String> writtenOnce) {
        StringJoiner updates = new StringJoiner(", ");
        updated(keyColumns, columns, writtenOnce).forEach(column -> updates.add(column + " = EXCLUDED." + column));
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + marks(columns.size()) + ")"
                + " ON CONFLICT (" + String.join(", ", keyColumns) + ")"
                + (updates.length() == 0 ? " DO NOTHING" : " DO UPDATE SET " + updates);
    }

    @Override
    void addToCounters(JdbcTemplate jdbc, String table, CounterTable counters, Map<List<?>, long[]> sums) {
        StringJoiner additions = new StringJoiner(", ");
        counters.counters().forEach(column -> additions.add(column + " = t." + column + " + EXCLUDED." + column));
        String sql = "INSERT INTO " + table + " AS t (" + String.join(", ", counters.columns()) + ") VALUES ("
                + marks(counters.columns().size()) + ") ON CONFLICT (" + String.join(", ", counters.keyColumns())
                + ") DO UPDATE SET " + additions;
        List<Object[]> rows = new ArrayList<>(sums.size());
        sums.forEach((key, deltas) -> rows.add(CounterRows.row(key, deltas)));
        jdbc.batchUpdate(sql, rows);
    }

    @Override
    public BulkSink bulkSink(Connection connection) throws SQLException {
        return new CopySink(connection);
    }

    /**
     * A statement run once is sent in text form unless told otherwise; a negative prepare threshold makes the driver
     * ask for binary results, which spares decoding every payload from hexadecimal text. And the planner, which cannot
     * estimate how many rows a filter on an expression keeps, may otherwise sort the whole table before the first row.
     */
    @Override
    public void readInIndexOrder(Connection connection, PreparedStatement statement) throws SQLException {
        statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        try (java.sql.Statement setting = connection.createStatement()) {
            setting.execute("SET LOCAL enable_sort = off");
            // workers that hash the rows for the one reader would take cores from the fold
            setting.execute("SET LOCAL max_parallel_workers_per_gather = 0");
        }
    }

    @Override
    public String partitionOf(String column, int parts) {
        return "((hashtext(" + column + ") & 2147483647) % " + parts + ")";
    }

    @Override
    public boolean readsOneMoment() {
        return true;
    }

    /** Without keys and indexes, which are cheaper to build once the rows are in. */
    @Override
    void createLike(JdbcTemplate jdbc, String live, String schema, String table) {
        jdbc.execute("CREATE TABLE " + schema + "." + table + " (LIKE " + live + "." + table + " INCLUDING DEFAULTS)");
    }

    /**
     * Copies each live constraint and index under its own name, so that after the switch the tables are as the
     * migrations made them. Names are unique per schema in PostgreSQL, so the copies never clash with the originals.
     * Each table's builds run on one connection with room to sort in memory: a rebuild's tables are large, and the
     * default leaves PostgreSQL sorting them on disk.
     */
    @Override
    void addKeysAndIndexes(JdbcTemplate jdbc, String schema, List<String> tables) {
        String live = liveSchema(jdbc);
        for (String table : tables) {
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                JdbcTemplate one = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                one.execute("SET maintenance_work_mem = '" + SORT_MEMORY + "'");
                try {
                    addKeysAndIndexes(one, live, schema, table);
                } finally {
                    one.execute("RESET maintenance_work_mem");
                }
                return null;
            });
        }
    }

    private static void addKeysAndIndexes(JdbcTemplate jdbc, String live, String schema, String table) {
        List<String> present = jdbc.queryForList("SELECT conname FROM pg_constraint WHERE conrelid = to_regclass(?)",
                String.class, schema + "." + table);
        jdbc.query("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = to_regclass(?) "
                        + "AND contype IN ('p', 'u', 'c', 'x') ORDER BY contype, conname",
                row -> {
                    if (!present.contains(row.getString(1))) {
                        jdbc.execute("ALTER TABLE " + schema + "." + table + " ADD CONSTRAINT " + row.getString(1)
                                + " " + row.getString(2));
                    }
                }, live + "." + table);
        List<String> indexes = jdbc.queryForList("SELECT indexrelid::regclass::text FROM pg_index "
                + "WHERE indrelid = to_regclass(?)", String.class, schema + "." + table);
        jdbc.query("SELECT c.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid "
                        + "WHERE x.indrelid = to_regclass(?) AND NOT EXISTS "
                        + "(SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid) ORDER BY c.relname",
                row -> {
                    String name = row.getString(1);
                    if (indexes.stream().noneMatch(index -> index.equals(name) || index.endsWith("." + name))) {
                        String definition = row.getString(2);
                        String unique = definition.startsWith("CREATE UNIQUE INDEX") ? "UNIQUE " : "";
                        jdbc.execute("CREATE " + unique + "INDEX " + name + " ON " + schema + "." + table
                                + definition.substring(definition.indexOf(" USING ")));
                    }
                }, live + "." + table);
    }

    @Override
    long size(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT pg_relation_size(?::regclass)", Long.class, table);
    }

    @Override
    void analyze(JdbcTemplate jdbc, List<String> tables) {
        tables.forEach(table -> jdbc.execute("ANALYZE " + table));
    }

    @Override
    void switchIn(JdbcTemplate jdbc, String schema, String retired, List<String> tables) {
        String live = liveSchema(jdbc);
        jdbc.execute("CREATE SCHEMA IF NOT EXISTS " + retired);
        for (String table : tables) {
            jdbc.execute("DROP TABLE IF EXISTS " + retired + "." + table);
            jdbc.execute("ALTER TABLE " + live + "." + table + " SET SCHEMA " + retired);
            jdbc.execute("ALTER TABLE " + schema + "." + table + " SET SCHEMA " + live);
        }
    }

    @Override
    void lockLive(JdbcTemplate jdbc, List<String> tables) {
        jdbc.execute("SET LOCAL lock_timeout = '5s'");
        jdbc.execute("LOCK TABLE " + String.join(", ", tables) + " IN ACCESS EXCLUSIVE MODE");
    }

    @Override
    void dropAfterSwitch(JdbcTemplate jdbc, String schema, String retired, List<String> tables) {
        drop(jdbc, retired, tables);
    }

}
