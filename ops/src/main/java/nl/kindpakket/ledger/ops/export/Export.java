package nl.kindpakket.ledger.ops.export;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;

import nl.kindpakket.ledger.api.stream.EventFilter;
import nl.kindpakket.ledger.api.stream.EventLineWriter;
import nl.kindpakket.ledger.api.stream.EventTable;
import nl.kindpakket.ledger.api.stream.Horizon;
import nl.kindpakket.ledger.api.stream.HorizonSettings;
import nl.kindpakket.ledger.api.stream.Page;

/**
 * Writes the event stream's lines to an output, read with a database cursor from {@code after} up to the
 * horizon taken at the start: the same lines, in the same order, as {@code GET /api/v1/events}.
 */
public final class Export {

    static final int FETCH_SIZE = 5_000;

    private Export() {
    }

    /** @param upTo the last position covered: an export continues from here with {@code after = upTo} */
    public record Result(long events, long after, long upTo, long nanos) {

        public double seconds() {
            return nanos / 1e9;
        }

        public double eventsPerSecond() {
            return events / Math.max(seconds(), 1e-9);
        }
    }

    public static Result run(Connection connection, EventFilter filter, long after, OutputStream target)
            throws SQLException, IOException {
        long start = System.nanoTime();
        long horizon = Horizon.forDatabase(connection, HorizonSettings.DEFAULT).safePosition(connection);
        Page page = new Page(after, Math.max(after, horizon), horizon);
        EventLineWriter lines = new EventLineWriter(target);
        long events = EventTable.stream(connection, page, filter, FETCH_SIZE, lines::write);
        lines.flush();
        return new Result(events, after, page.upTo(), System.nanoTime() - start);
    }
}
