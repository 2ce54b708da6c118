package nl.kindpakket.ledger.projections.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A table of counters keyed by a few columns, added to by update-then-insert (portable: H2 has no ON CONFLICT).
 * Counter columns must default to 0.
 *
 * <p>Inside a unit of work (a processor's batch) the changes are summed per row and written once, just before it
 * commits (see {@link PendingCounts}); outside one they are written at once.
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
        requireKey(key);
        record(jdbc, key, deltas, null);
    }

    public void add(JdbcTemplate jdbc, List<?> key, String column, long delta, Instant recordedAt) {
        add(jdbc, key, Map.of(column, delta), recordedAt);
    }

    /** Adds to the counters and, for a table with a log, appends the change as recorded at {@code recordedAt}. */
    public void add(JdbcTemplate jdbc, List<?> key, Map<String, Long> deltas, Instant recordedAt) {
        requireKey(key);
        boolean logged = logTable != null && deltas.values().stream().anyMatch(delta -> delta != 0);
        record(jdbc, key, deltas,
                logged ? new LogRow(withoutSlot(key), Map.copyOf(deltas), RecordedAt.of(recordedAt)) : null);
    }

    private void requireKey(List<?> key) {
        if (key.size() != keyColumns.size()) {
            throw new IllegalArgumentException(table + " needs " + keyColumns.size() + " key values, got " + key);
        }
    }

    /** Into the batch's pending changes, or straight to the tables outside a unit of work; {@code log} may be null. */
    private void record(JdbcTemplate jdbc, List<?> key, Map<String, Long> deltas, LogRow log) {
        PendingCounts pending = PendingCounts.current(jdbc);
        if (pending == null) {
            write(jdbc, Map.of(key, deltas));
            if (log != null) {
                writeLog(jdbc, List.of(log));
            }
        } else {
            pending.add(this, key, deltas);
            if (log != null) {
                pending.log(this, log);
            }
        }
    }

    /** Adds each row's deltas in one batched UPDATE, then inserts in one batch the rows that were not there yet. */
    void write(JdbcTemplate jdbc, Map<List<?>, Map<String, Long>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> columns = columnsOf(rows.values());
        StringJoiner assignments = new StringJoiner(", ");
        columns.forEach(column -> assignments.add(column + " = " + column + " + ?"));
        List<List<?>> keys = new ArrayList<>(rows.keySet());
        List<Object[]> updates = new ArrayList<>(keys.size());
        for (List<?> key : keys) {
            List<Object> args = new ArrayList<>(deltasIn(columns, rows.get(key)));
            args.addAll(key);
            updates.add(args.toArray());
        }
        int[] updated = jdbc.batchUpdate("UPDATE " + table + " SET " + assignments + " WHERE " + keyCondition, updates);
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (updated[i] < 0) {
                throw new IllegalStateException("The database driver did not say how many rows of " + table + " it updated");
            }
            if (updated[i] == 0) {
                List<Object> args = new ArrayList<>(keys.get(i));
                args.addAll(deltasIn(columns, rows.get(keys.get(i))));
                inserts.add(args.toArray());
            }
        }
        if (!inserts.isEmpty()) {
            List<String> names = new ArrayList<>(keyColumns);
            names.addAll(columns);
            jdbc.batchUpdate(insert(table, names), inserts);
        }
    }

    /** Appends the log rows in one batch. */
    void writeLog(JdbcTemplate jdbc, List<LogRow> rows) {
        List<String> columns = columnsOf(rows.stream().map(LogRow::deltas).toList());
        List<Object[]> inserts = new ArrayList<>(rows.size());
        for (LogRow row : rows) {
            List<Object> args = new ArrayList<>(row.key());
            args.addAll(deltasIn(columns, row.deltas()));
            args.add(row.recordedAt());
            inserts.add(args.toArray());
        }
        List<String> names = new ArrayList<>(keyColumns.stream().filter(column -> !SLOT.equals(column)).toList());
        names.addAll(columns);
        names.add("recorded_at");
        jdbc.batchUpdate(insert(logTable, names), inserts);
    }

    private List<Object> withoutSlot(List<?> key) {
        List<Object> values = new ArrayList<>(key.size());
        for (int i = 0; i < keyColumns.size(); i++) {
            if (!SLOT.equals(keyColumns.get(i))) {
                values.add(key.get(i));
            }
        }
        return values;
    }

    private static List<String> columnsOf(Iterable<Map<String, Long>> deltas) {
        TreeSet<String> columns = new TreeSet<>();
        deltas.forEach(row -> columns.addAll(row.keySet()));
        return List.copyOf(columns);
    }

    private static List<Long> deltasIn(List<String> columns, Map<String, Long> deltas) {
        return columns.stream().map(column -> deltas.getOrDefault(column, 0L)).toList();
    }

    private static String insert(String table, List<String> names) {
        StringJoiner marks = new StringJoiner(", ");
        names.forEach(name -> marks.add("?"));
        return "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES (" + marks + ")";
    }

    /** A change as its log keeps it: the counter key without its slot, the deltas, the moment of recording. */
    record LogRow(List<Object> key, Map<String, Long> deltas, OffsetDateTime recordedAt) {
    }
}
