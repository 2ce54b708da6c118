package nl.kindpakket.ledger.api.stream;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

/** A writer that inserts an event and keeps its transaction open until told to commit. */
final class HeldTransaction implements AutoCloseable {

    private final Connection connection;
    private final long position;

    private HeldTransaction(Connection connection, long position) {
        this.connection = connection;
        this.position = position;
    }

    static HeldTransaction insert(DataSource dataSource, String aggregateId) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return new HeldTransaction(connection, RawEvents.insert(connection, aggregateId));
    }

    long position() {
        return position;
    }

    void commit() throws SQLException {
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        connection.rollback();
        connection.close();
    }

    /** Rows shaped like the ledger's, of a payload type no handler knows, so projections pass them by. */
    static final class RawEvents {

        private RawEvents() {
        }

        static long insert(Connection connection, String aggregateId) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("insert into domain_event_entry (event_identifier,"
                    + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                    + " values (?, ?, 0, 'Test', '2019-01-01T00:00:00Z', 'test.HeldEvent', null, ?, ?) returning global_index")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, aggregateId);
                insert.setBytes(3, "{\"held\":true}".getBytes(StandardCharsets.UTF_8));
                // processors read every row; one without meta data would stop them
                insert.setBytes(4, "{}".getBytes(StandardCharsets.UTF_8));
                try (ResultSet rows = insert.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        }
    }
}
