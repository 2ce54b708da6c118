package nl.kindpakket.ledger.ops.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The raw baseline for bulk appends: JDBC batched inserts of rows shaped like the event table's
 * (same columns, constraints and indexes, payloads of the same size), committed per batch, into a scratch table.
 */
final class RawInsertBaseline {

    private RawInsertBaseline() {
    }

    /** @return rows per second */
    static double batchedInsert(BenchDatabase db, int rows, int batchSize, int payloadBytes) throws SQLException {
        byte[] payload = "x".repeat(payloadBytes).getBytes(StandardCharsets.UTF_8);
        try (Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                db.createEventShapedTable(s, "raw_event_baseline");
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("insert into raw_event_baseline (event_identifier, aggregate_identifier,"
                    + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                    + " values (?, ?, ?, 'Entitlement', '2026-01-01T00:00:00.000Z', 'bench.Event', null, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, "bench:" + (i / 2));
                    insert.setLong(3, i % 2);
                    insert.setBytes(4, payload);
                    insert.setBytes(5, "{}".getBytes(StandardCharsets.UTF_8));
                    insert.addBatch();
                    if ((i + 1) % batchSize == 0 || i == rows - 1) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Statement s = c.createStatement()) {
                s.execute("drop table raw_event_baseline");
            }
            c.commit();
            return rows / seconds;
        }
    }
}
