package nl.kindpakket.ledger.ops.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGStatement;

/**
 * The raw baselines for replay and export: one sequential read of the whole event table in position order
 * through a server-side cursor in binary form, each payload deserialised into its event class with the ledger's own mapper
 * (what a projection needs) or only fetched (what an export that passes the stored JSON on needs).
 */
final class RawReadBaseline {

    static final int FETCH_SIZE = 1_000;

    private RawReadBaseline() {
    }

    /** @param mapper the mapper to deserialise each payload with, or null to only fetch the rows
     *  @return events read (and deserialised) per second */
    static double read(BenchDatabase db, ObjectMapper mapper, long expected) throws Exception {
        Map<String, Class<?>> types = new HashMap<>();
        long rows = 0;
        long start = System.nanoTime();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement query = c.prepareStatement("select global_index, event_identifier, aggregate_identifier,"
                    + " sequence_number, time_stamp, payload_type, payload_revision, payload, meta_data"
                    + " from domain_event_entry order by global_index")) {
                // binary results, as the ledger's own readers ask for them: text would decode every payload from hex
                query.unwrap(PGStatement.class).setPrepareThreshold(-1);
                query.setFetchSize(FETCH_SIZE);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        String type = result.getString(6);
                        byte[] payload = result.getBytes(8);
                        result.getBytes(9);
                        if (mapper != null) {
                            Class<?> payloadClass = types.get(type);
                            if (payloadClass == null) {
                                payloadClass = Class.forName(type);
                                types.put(type, payloadClass);
                            }
                            if (mapper.readValue(payload, payloadClass) == null) {
                                throw new IllegalStateException("event " + result.getLong(1) + " has no payload");
                            }
                        }
                        rows++;
                    }
                }
            }
            c.rollback();
        }
        if (rows < expected) {
            throw new IllegalStateException("read " + rows + " events, expected " + expected);
        }
        return rows / ((System.nanoTime() - start) / 1e9);
    }
}
