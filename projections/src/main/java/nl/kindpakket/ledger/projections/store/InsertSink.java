package nl.kindpakket.ledger.projections.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows sent as batched inserts of a thousand, on the caller's thread: for the embedded H2 store. */
final class InsertSink implements BulkSink {

    private static final int BATCH = 1_000;

    private final Connection connection;
    private final Map<String, Batch> batches = new LinkedHashMap<>();

    InsertSink(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void append(String table, List<String> columns, Object[] values) {
        Batch batch = batches.computeIfAbsent(table, name -> new Batch("INSERT INTO " + name + " ("
                + String.join(", ", columns) + ") VALUES (" + Dialect.marks(columns.size()) + ")"));
        batch.rows.add(values);
        if (batch.rows.size() >= BATCH) {
            write(batch);
        }
    }

    @Override
    public void finish() {
        batches.values().forEach(this::write);
    }

    @Override
    public void close() {
    }

    private void write(Batch batch) {
        if (batch.rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(batch.sql)) {
            for (Object[] row : batch.rows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("writing rows to " + batch.sql + " failed: " + e.getMessage(), e);
        }
        batch.rows.clear();
    }

    private static final class Batch {

        private final String sql;
        private final List<Object[]> rows = new ArrayList<>();

        private Batch(String sql) {
            this.sql = sql;
        }
    }
}
