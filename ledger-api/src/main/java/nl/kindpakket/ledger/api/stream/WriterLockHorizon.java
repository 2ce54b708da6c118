package nl.kindpakket.ledger.api.stream;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The exact horizon on PostgreSQL. An insert into the event table takes its RowExclusiveLock before it
 * draws a position from the sequence and holds it until its transaction ends. So: read the last position
 * drawn (P), then the transactions holding that lock (W); every position up to P that is not yet visible
 * belongs to a transaction in W. Once all of W have ended, everything up to P is committed or gone for
 * good, and P is safe. Writers that arrive later draw positions above P and are not waited for. If W does
 * not finish within the wait, the last horizon known to be safe is answered instead (it stays safe).
 */
final class WriterLockHorizon implements Horizon {

    private static final String LAST_DRAWN =
            "select coalesce(pg_sequence_last_value(pg_get_serial_sequence('domain_event_entry', 'global_index')::regclass), 0)";
    private static final String WRITERS = "select distinct virtualtransaction from pg_locks where locktype = 'relation'"
            + " and relation = 'domain_event_entry'::regclass and mode = 'RowExclusiveLock' and granted and pid is distinct from pg_backend_pid()";
    private static final String STILL_WRITING = WRITERS + " and virtualtransaction = any(?) limit 1";

    private final Duration wait;
    private final AtomicLong lastSafe = new AtomicLong(0);

    WriterLockHorizon(Duration wait) {
        this.wait = wait;
    }

    @Override
    public long safePosition(Connection connection) throws SQLException {
        long drawn = queryLong(connection, LAST_DRAWN);
        List<String> writers = writers(connection);
        if (writers.isEmpty() || awaitEnd(connection, writers)) {
            return lastSafe.accumulateAndGet(drawn, Math::max);
        }
        return lastSafe.get();
    }

    private boolean awaitEnd(Connection connection, List<String> writers) throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        long pauseMillis = 1;
        Array ids = connection.createArrayOf("text", writers.toArray());
        try (PreparedStatement stillWriting = connection.prepareStatement(STILL_WRITING)) {
            stillWriting.setArray(1, ids);
            while (true) {
                try (ResultSet rows = stillWriting.executeQuery()) {
                    if (!rows.next()) {
                        return true;
                    }
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                pause(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, 50);
            }
        } finally {
            ids.free();
        }
    }

    private static List<String> writers(Connection connection) throws SQLException {
        List<String> writers = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(WRITERS); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                writers.add(rows.getString(1));
            }
        }
        return writers;
    }

    private static long queryLong(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void pause(long millis) throws SQLException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the event table's writers", e);
        }
    }
}
