package nl.kindpakket.ledger.api.stream;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The horizon on databases without a view of their writers (the embedded H2 default): the highest
 * position that was visible at least the settle time ago. Any position below it was drawn before then
 * by a transaction that, if it commits at all, has committed by now, as long as no write to the event
 * table takes longer than the settle time. The first request of a process waits one settle time.
 */
final class SettledHorizon implements Horizon {

    private static final String HIGHEST_VISIBLE = "select coalesce(max(global_index), 0) from domain_event_entry";

    private final long settleNanos;
    private final Deque<Sample> samples = new ArrayDeque<>();

    SettledHorizon(Duration settle) {
        this.settleNanos = settle.toNanos();
    }

    @Override
    public long safePosition(Connection connection) throws SQLException {
        Sample now = new Sample(System.nanoTime(), highestVisible(connection));
        Sample settled;
        synchronized (samples) {
            if (samples.isEmpty() || now.at() - samples.peekLast().at() > settleNanos / 8) {
                samples.addLast(now);
            }
            while (samples.size() > 1 && isSettled(now.at(), second())) {
                samples.removeFirst();
            }
            settled = samples.peekFirst();
        }
        long waitNanos = settled.at() + settleNanos - now.at();
        if (waitNanos > 0) {
            pause(waitNanos);
        }
        return settled.position();
    }

    private boolean isSettled(long now, Sample sample) {
        return now - sample.at() >= settleNanos;
    }

    private Sample second() {
        return samples.stream().skip(1).findFirst().orElseThrow();
    }

    private static long highestVisible(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(HIGHEST_VISIBLE); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void pause(long nanos) throws SQLException {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the horizon settles", e);
        }
    }

    private record Sample(long at, long position) {
    }
}
