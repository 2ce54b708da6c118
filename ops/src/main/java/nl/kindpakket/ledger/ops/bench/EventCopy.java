package nl.kindpakket.ledger.ops.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.postgresql.PGConnection;

/**
 * Appends events straight into the event table with PostgreSQL's COPY, serialised exactly as the ledger
 * stores them: its own event serialiser gives the payload, its type and revision, the aggregate type is the
 * aggregate's simple class name and the timestamp Axon's ISO format.
 */
final class EventCopy implements AutoCloseable {

    private static final String COPY = "COPY domain_event_entry (event_identifier, aggregate_identifier, sequence_number,"
            + " type, time_stamp, payload_type, payload_revision, payload, meta_data) FROM STDIN";
    private static final int ROWS_PER_COPY = 5_000;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Connection connection;
    private final Serializer serializer;
    private final String metaData;
    private final StringBuilder rows = new StringBuilder(1 << 20);
    private int buffered;
    private long appended;

    EventCopy(Connection connection, Serializer serializer) {
        this.connection = connection;
        this.serializer = serializer;
        this.metaData = hex(serializer.serialize(MetaData.emptyInstance(), byte[].class).getData());
    }

    void append(String aggregateType, String aggregateId, long sequence, Instant recordedAt, Object payload) throws SQLException {
        SerializedObject<byte[]> serialized = serializer.serialize(payload, byte[].class);
        String revision = serialized.getType().getRevision();
        rows.append(UUID.randomUUID()).append('\t')
                .append(aggregateId).append('\t')
                .append(sequence).append('\t')
                .append(aggregateType).append('\t')
                .append(DateTimeUtils.formatInstant(recordedAt)).append('\t')
                .append(serialized.getType().getName()).append('\t')
                .append(revision == null ? "\\N" : revision).append('\t')
                .append(hex(serialized.getData())).append('\t')
                .append(metaData).append('\n');
        if (++buffered == ROWS_PER_COPY) {
            flush();
        }
    }

    long appended() {
        return appended + buffered;
    }

    void flush() throws SQLException {
        if (buffered == 0) {
            return;
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(rows.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY into the event table failed", e);
        }
        appended += buffered;
        buffered = 0;
        rows.setLength(0);
    }

    /** bytea in COPY's text format: {@code \x} and hex digits, the backslash itself escaped for COPY. */
    private static String hex(byte[] bytes) {
        char[] text = new char[3 + bytes.length * 2];
        text[0] = '\\';
        text[1] = '\\';
        text[2] = 'x';
        for (int i = 0; i < bytes.length; i++) {
            text[3 + 2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            text[4 + 2 * i] = HEX[bytes[i] & 0xF];
        }
        return new String(text);
    }

    @Override
    public void close() throws SQLException {
        flush();
    }
}
