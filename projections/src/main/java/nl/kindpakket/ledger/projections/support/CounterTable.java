package nl.kindpakket.ledger.projections.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A table of counters keyed by a few columns, added to by update-then-insert (portable: H2 has no ON CONFLICT).
 * Counter columns must default to 0.
 *
 * <p>A counter table {@linkplain #withLog(String) with a log} also appends every change with the moment it was
 * recorded, so that a report can sum the log up to an earlier moment instead of reading the counters.
 */
public final class CounterTable {

    private static final String SLOT = "slot";

    private final String table;
    private final List<String> keyColumns;
    private final String keyCondition;
    private final String logTable;

    public CounterTable(String table, String... keyColumns) {
        this(table, List.of(keyColumns), null);
    }

    private CounterTable(String table, List<String> keyColumns, String logTable) {
        this.table = table;
        this.keyColumns = keyColumns;
        StringJoiner condition = new StringJoiner(" AND ");
        this.keyColumns.forEach(column -> condition.add(column + " = ?"));
        this.keyCondition = condition.toString();
        this.logTable = logTable;
    }

    /** The same counters, each change also kept in {@code logTable}: the key without its slot, the deltas, recorded_at. */
    public CounterTable withLog(String logTable) {
        return new CounterTable(table, keyColumns, logTable);
    }

    public void add(JdbcTemplate jdbc, List<?> key, String column, long delta) {
        add(jdbc, key, Map.of(column, delta));
    }

    public void add(JdbcTemplate jdbc, List<?> key, Map<String, Long> deltas) {
        if (logTable != null) {
            throw new IllegalStateException(table + " keeps a log of its changes: add them with their recording time");
        }
        addToCounters(jdbc, key, deltas);
    }

    public void add(JdbcTemplate jdbc, List<?> key, String column, long delta, Instant recordedAt) {
        add(jdbc, key, Map.of(column, delta), recordedAt);
    }

    /** Adds to the counters and, for a table with a log, appends the change as recorded at {@code recordedAt}. */
    public void add(JdbcTemplate jdbc, List<?> key, Map<String, Long> deltas, Instant recordedAt) {
        addToCounters(jdbc, key, deltas);
        if (logTable != null && deltas.values().stream().anyMatch(delta -> delta != 0)) {
            appendToLog(jdbc, key, deltas, recordedAt);
        }
    }

    private void addToCounters(JdbcTemplate jdbc, List<?> key, Map<String, Long> deltas) {
        if (key.size() != keyColumns.size()) {
            throw new IllegalArgumentException(table + " needs " + keyColumns.size() + " key values, got " + key);
        }
        List<String> columns = new ArrayList<>(deltas.keySet());
        List<Object> updateArgs = new ArrayList<>();
        StringJoiner assignments = new StringJoiner(", ");
        for (String column : columns) {
            assignments.add(column + " = " + column + " + ?");
            updateArgs.add(deltas.get(column));
        }
        updateArgs.addAll(key);
        int updated = jdbc.update("UPDATE " + table + " SET " + assignments + " WHERE " + keyCondition,
                updateArgs.toArray());
        if (updated == 0) {
            insert(jdbc, key, columns, deltas);
        }
    }

    private void insert(JdbcTemplate jdbc, List<?> key, List<String> columns, Map<String, Long> deltas) {
        StringJoiner names = new StringJoiner(", ");
        StringJoiner marks = new StringJoiner(", ");
        List<Object> args = new ArrayList<>(key);
        keyColumns.forEach(column -> {
            names.add(column);
            marks.add("?");
        });
        for (String column : columns) {
            names.add(column);
            marks.add("?");
            args.add(deltas.get(column));
        }
        jdbc.update("INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")", args.toArray());
    }

    private void appendToLog(JdbcTemplate jdbc, List<?> key, Map<String, Long> deltas, Instant recordedAt) {
        StringJoiner names = new StringJoiner(", ");
        StringJoiner marks = new StringJoiner(", ");
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < keyColumns.size(); i++) {
            if (!SLOT.equals(keyColumns.get(i))) {
                names.add(keyColumns.get(i));
                marks.add("?");
                args.add(key.get(i));
            }
        }
        deltas.forEach((column, delta) -> {
            names.add(column);
            marks.add("?");
            args.add(delta);
        });
        names.add("recorded_at");
        marks.add("?");
        args.add(RecordedAt.of(recordedAt));
        jdbc.update("INSERT INTO " + logTable + " (" + names + ") VALUES (" + marks + ")", args.toArray());
    }
}
