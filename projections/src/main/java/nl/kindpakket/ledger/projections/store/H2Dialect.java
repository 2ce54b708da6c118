package nl.kindpakket.ledger.projections.store;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import nl.kindpakket.ledger.projections.table.CounterTable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * H2, the embedded default: upserts with MERGE, new tables filled with batched inserts and switched in by copying
 * their rows into the live tables, in one transaction (H2 commits DDL at once, so tables cannot be swapped).
 */
final class H2Dialect extends Dialect {

    @Override
    String upsert(String table, List<String> keyColumns, List<String> columns, List<String> writtenOnce) {
        if (writtenOnce.isEmpty()) {
            return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", keyColumns)
                    + ") VALUES (" + marks(columns.size()) + ")";
        }
        StringJoiner matches = new StringJoiner(" AND ");
        keyColumns.forEach(column -> matches.add("t." + column + " = s." + column));
        StringJoiner updates = new StringJoiner(", ");
        updated(keyColumns, columns, writtenOnce).forEach(column -> updates.add(column + " = s." + column));
        StringJoiner inserted = new StringJoiner(", ");
        columns.forEach(column -> inserted.add("s." + column));
        String all = String.join(", ", columns);
        return "MERGE INTO " + table + " t USING (VALUES (" + marks(columns.size()) + ")) s (" + all + ") ON " + matches
                + (updates.length() == 0 ? "" : " WHEN MATCHED THEN UPDATE SET " + updates)
                + " WHEN NOT MATCHED THEN INSERT (" + all + ") VALUES (" + inserted + ")";
    }

    @Override
    void addToCounters(JdbcTemplate jdbc, String table, CounterTable counters, Map<List<?>, long[]> sums) {
        List<List<?>> keys = new ArrayList<>(sums.keySet());
        StringJoiner additions = new StringJoiner(", ");
        counters.counters().forEach(column -> additions.add(column + " = " + column + " + ?"));
        StringJoiner condition = new StringJoiner(" AND ");
        counters.keyColumns().forEach(column -> condition.add(column + " = ?"));
        List<Object[]> updates = new ArrayList<>(keys.size());
        for (List<?> key : keys) {
            List<Object> arguments = new ArrayList<>();
            for (long delta : sums.get(key)) {
                arguments.add(delta);
            }
            arguments.addAll(key);
            updates.add(arguments.toArray());
        }
        int[] updated = jdbc.batchUpdate("UPDATE " + table + " SET " + additions + " WHERE " + condition, updates);
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (updated[i] == 0) {
                inserts.add(CounterRows.row(keys.get(i), sums.get(keys.get(i))));
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO " + table + " (" + String.join(", ", counters.columns()) + ") VALUES ("
                    + marks(counters.columns().size()) + ")", inserts);
        }
    }

    @Override
    public BulkSink bulkSink(Connection connection) {
        return new InsertSink(connection);
    }

    /** The embedded store hands rows over in memory and reads the primary key in order. */
    @Override
    public void readInIndexOrder(Connection connection, java.sql.PreparedStatement statement) {
    }

    @Override
    public String partitionOf(String column, int parts) {
        return "MOD(ORA_HASH(" + column + "), " + parts + ")";
    }

    /** The embedded store has one instance: its processor is the only writer to stop. */
    @Override
    public boolean readsOneMoment() {
        return false;
    }

    /** From H2's own script of the live table: the same columns, keys and indexes, under the new schema's name. */
    @Override
    void createLike(JdbcTemplate jdbc, String live, String schema, String table) {
        List<String> statements = new ArrayList<>();
        jdbc.query("SCRIPT NODATA TABLE " + live + "." + table, row -> {
            String statement = row.getString(1);
            if (statement.startsWith("CREATE ") && !statement.startsWith("CREATE USER")
                    || statement.startsWith("ALTER TABLE")) {
                statements.add(statement);
            }
        });
        statements.forEach(statement -> jdbc.execute(statement.replace("\"" + live + "\".", "\"" + schema + "\".")));
    }

    /** The tables were made with their keys and indexes. */
    @Override
    void addKeysAndIndexes(JdbcTemplate jdbc, String schema, List<String> tables) {
    }

    /** The embedded store's tables are small enough to count. */
    @Override
    long size(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    /** H2 keeps its statistics up to date itself. */
    @Override
    void analyze(JdbcTemplate jdbc, List<String> tables) {
    }

    @Override
    void switchIn(JdbcTemplate jdbc, String schema, String retired, List<String> tables) {
        for (String table : tables) {
            jdbc.update("DELETE FROM " + table);
            jdbc.update("INSERT INTO " + table + " SELECT * FROM " + schema + "." + table);
        }
    }

    /** The embedded store serves one instance, whose processor the caller has stopped; readers see the old rows. */
    @Override
    void lockLive(JdbcTemplate jdbc, List<String> tables) {
    }

    @Override
    void dropAfterSwitch(JdbcTemplate jdbc, String schema, String retired, List<String> tables) {
        drop(jdbc, schema, tables);
    }

}
