package nl.kindpakket.ledger.api.stream;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.postgresql.PGStatement;

/** Reads the event table in position order with plain JDBC, for the HTTP stream and the export alike. */
public final class EventTable {

    private static final String COLUMNS = "global_index, event_identifier, payload_type, aggregate_identifier,"
            + " sequence_number, time_stamp, payload_revision, payload";

    private EventTable() {
    }

    /** Receives the events of a page, one at a time, in order. */
    @FunctionalInterface
    public interface Sink {
        void accept(StoredEvent event) throws IOException;
    }

    /** Cuts the page: up to {@code limit} events after {@code after}, none beyond the horizon. */
    public static Page page(Connection connection, long after, int limit, EventFilter filter, long horizon) throws SQLException {
        if (horizon <= after) {
            return new Page(after, after, horizon);
        }
        String sql = "select count(*), max(global_index) from (select global_index from domain_event_entry"
                + " where global_index > ? and global_index <= ?" + filter.sql() + " order by global_index limit ?) page";
        boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        boolean autoCommit = connection.getAutoCommit();
        if (postgres) {
            // The page ends at the limit-th event after `after`: only a scan in position order stops there. Without
            // statistics of the event table (a new store, or autovacuum off) PostgreSQL estimates a few hundred rows
            // for any range and reads the whole rest of the store into a bitmap to sort it, for every page: an
            // export of 2,000,000 events spent 72 of its 79 s that way. So those plans are off for this one query.
            connection.setAutoCommit(false);
            try (Statement settings = connection.createStatement()) {
                settings.execute("set local enable_bitmapscan = off");
                settings.execute("set local enable_seqscan = off");
            }
        }
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int i = bindRange(query, after, horizon, filter.parameters());
            query.setInt(i, limit);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                boolean full = rows.getInt(1) >= limit;
                return new Page(after, full ? rows.getLong(2) : horizon, horizon);
            }
        } finally {
            if (postgres) {
                // a read-only transaction: ending it by rollback changes nothing, and the settings end with it
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * Streams a page through a server-side cursor: the rows are fetched {@code fetchSize} at a time and
     * handed on as they arrive, never held all at once.
     *
     * @return the number of events passed to the sink
     */
    public static long stream(Connection connection, Page page, EventFilter filter, int fetchSize, Sink sink)
            throws SQLException, IOException {
        if (page.isEmpty()) {
            return 0;
        }
        String sql = "select " + COLUMNS + " from domain_event_entry where global_index > ? and global_index <= ?"
                + filter.sql() + " order by global_index";
        boolean autoCommit = connection.getAutoCommit();
        // PostgreSQL keeps a cursor open only inside a transaction; otherwise it sends the whole result at once
        connection.setAutoCommit(false);
        try (PreparedStatement query = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            query.setFetchSize(fetchSize);
            if (query.isWrapperFor(PGStatement.class)) {
                // binary results: a statement run once is otherwise answered in text, every payload in hexadecimal
                query.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
            bindRange(query, page.after(), page.upTo(), filter.parameters());
            long count = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sink.accept(new StoredEvent(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getLong(5), rows.getString(6), rows.getString(7), rows.getBytes(8)));
                    count++;
                }
            }
            return count;
        } finally {
            // a read-only transaction: ending it by rollback changes nothing
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static int bindRange(PreparedStatement query, long after, long upTo, List<String> parameters) throws SQLException {
        query.setLong(1, after);
        query.setLong(2, upTo);
        int i = 3;
        for (String parameter : parameters) {
            query.setString(i++, parameter);
        }
        return i;
    }
}
