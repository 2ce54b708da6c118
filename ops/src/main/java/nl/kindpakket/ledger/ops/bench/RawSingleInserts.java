package nl.kindpakket.ledger.ops.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw baseline for live appends: threads each inserting one event-shaped row and committing it, as
 * many threads as the ledger had workers, over at most as many connections as the ledger's pool holds.
 */
final class RawSingleInserts {

    private RawSingleInserts() {
    }

    /** @return rows committed per second */
    static double run(BenchDatabase db, int threads, int maxConnections, int seconds, int payloadBytes) throws Exception {
        byte[] payload = "x".repeat(payloadBytes).getBytes();
        int connections = Math.min(threads, maxConnections);
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(connections);
        try (Connection admin = db.connect();
             Statement s = admin.createStatement()) {
            db.createEventShapedTable(s, "raw_live_baseline");
            for (int i = 0; i < connections; i++) {
                pool.add(db.connect());
            }
            AtomicLong committed = new AtomicLong();
            AtomicLong sequence = new AtomicLong();
            long start = System.nanoTime();
            long deadline = start + seconds * 1_000_000_000L;
            List<Thread> workers = new ArrayList<>();
            List<Exception> failures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    try {
                        while (System.nanoTime() < deadline) {
                            Connection c = pool.take();
                            try {
                                insert(c, sequence.getAndIncrement(), payload);
                            } finally {
                                pool.add(c);
                            }
                            committed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                }, "raw-insert-" + t);
                worker.start();
                workers.add(worker);
            }
            for (Thread worker : workers) {
                worker.join();
            }
            double rate = committed.get() / ((System.nanoTime() - start) / 1e9);
            for (Connection c : pool) {
                c.close();
            }
            s.execute("drop table raw_live_baseline");
            if (!failures.isEmpty()) {
                throw new IllegalStateException("raw single-row inserts failed", failures.get(0));
            }
            return rate;
        }
    }

    private static void insert(Connection c, long n, byte[] payload) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into raw_live_baseline (event_identifier, aggregate_identifier,"
                + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                + " values (?, ?, 0, 'Entitlement', '2026-01-01T00:00:00.000Z', 'bench.Event', null, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, "raw:" + n);
            insert.setBytes(3, payload);
            insert.setBytes(4, "{}".getBytes());
            insert.executeUpdate();
        }
    }
}
