package nl.kindpakket.ledger.projections.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A table of counters keyed by a few columns, added to by update-then-insert (portable: H2 has no ON CONFLICT).
 * Counter columns must default to 0.
 */
public final class CounterTable {

    private final String table;
    private final List<String> keyColumns;
    private final String keyCondition;

    public CounterTable(String table, String... keyColumns) {
        this.table = table;
        this.keyColumns = List.of(keyColumns);
        StringJoiner condition = new StringJoiner(" AND ");
        this.keyColumns.forEach(column -> condition.add(column + " = ?"));
        this.keyCondition = condition.toString();
    }

    public void add(JdbcTemplate jdbc, List<?> key, String column, long delta) {
        add(jdbc, key, Map.of(column, delta));
    }

    public void add(JdbcTemplate jdbc, List<?> key, Map<String, Long> deltas) {
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
}
