package nl.kindpakket.ledger.api.audit;

import java.sql.Blob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.h2.api.Trigger;

/** On the embedded H2 database, fills {@code chain_hash} of each new event, as the PostgreSQL trigger does. */
public class H2ChainTrigger implements Trigger {

    private static final String PREVIOUS =
            "select chain_hash from domain_event_entry where aggregate_identifier = ? and sequence_number = ?";

    private final Map<String, Integer> column = new HashMap<>();

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (PreparedStatement columns = connection.prepareStatement(
                "select column_name, ordinal_position from information_schema.columns where table_schema = ? and table_name = ?")) {
            columns.setString(1, schema);
            columns.setString(2, table);
            try (ResultSet rows = columns.executeQuery()) {
                while (rows.next()) {
                    column.put(rows.getString(1).toLowerCase(), rows.getInt(2) - 1);
                }
            }
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        EventRow event = new EventRow(
                (String) newRow[column.get("event_identifier")],
                (String) newRow[column.get("aggregate_identifier")],
                ((Number) newRow[column.get("sequence_number")]).longValue(),
                (String) newRow[column.get("payload_type")],
                (String) newRow[column.get("payload_revision")],
                (String) newRow[column.get("time_stamp")],
                bytes(newRow[column.get("payload")]),
                bytes(newRow[column.get("meta_data")]));
        newRow[column.get("chain_hash")] = EventChain.hash(previous(connection, event), event);
    }

    /** Called once by migration V200 to chain the events stored before it. */
    public static int chainExistingEvents(Connection connection) throws SQLException {
        int chained = 0;
        try (PreparedStatement select = connection.prepareStatement("select global_index, event_identifier, aggregate_identifier,"
                + " sequence_number, payload_type, payload_revision, time_stamp, payload, meta_data from domain_event_entry"
                + " order by aggregate_identifier, sequence_number");
             PreparedStatement update = connection.prepareStatement("update domain_event_entry set chain_hash = ? where global_index = ?");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                EventRow event = new EventRow(rows.getString(2), rows.getString(3), rows.getLong(4), rows.getString(5),
                        rows.getString(6), rows.getString(7), rows.getBytes(8), rows.getBytes(9));
                update.setBytes(1, EventChain.hash(previous(connection, event), event));
                update.setLong(2, rows.getLong(1));
                update.executeUpdate();
                chained++;
            }
        }
        return chained;
    }

    private static byte[] previous(Connection connection, EventRow event) throws SQLException {
        if (event.sequenceNumber() == 0) {
            return EventChain.GENESIS;
        }
        try (PreparedStatement select = connection.prepareStatement(PREVIOUS)) {
            select.setString(1, event.aggregateIdentifier());
            select.setLong(2, event.sequenceNumber() - 1);
            try (ResultSet row = select.executeQuery()) {
                byte[] previous = row.next() ? row.getBytes(1) : null;
                if (previous == null) {
                    throw new SQLException("event " + event.sequenceNumber() + " of aggregate " + event.aggregateIdentifier()
                            + " has no chained predecessor " + (event.sequenceNumber() - 1), "P0001");
                }
                return previous;
            }
        }
    }

    private static byte[] bytes(Object value) throws SQLException {
        if (value instanceof Blob blob) {
            return blob.getBytes(1, Math.toIntExact(blob.length()));
        }
        return (byte[]) value;
    }
}
