package nl.kindpakket.ledger.api.processing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.projections.fold.EventRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The global position of each event of a batch, as the event table numbers it. A streaming processor's token after an
 * event that committed after a later one (an event that fills a gap) keeps the later one's index, so the token does
 * not tell the event's own position; the read models need the one the event stream and a rebuild give it.
 */
@Component
class StoredPositions {

    /** Bind parameters per query: well within what PostgreSQL and H2 take. */
    private static final int CHUNK = 1_000;

    private final JdbcTemplate jdbc;

    StoredPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The batch's records, each with its event's position in the event table. */
    List<EventRecord> of(List<ReadModelProcessor.Arrived> batch) {
        Map<String, Long> positions = new HashMap<>();
        for (int from = 0; from < batch.size(); from += CHUNK) {
            List<ReadModelProcessor.Arrived> chunk = batch.subList(from, Math.min(batch.size(), from + CHUNK));
            jdbc.query("SELECT event_identifier, global_index FROM domain_event_entry WHERE event_identifier IN ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                    row -> {
                        positions.put(row.getString(1), row.getLong(2));
                    }, chunk.stream().map(ReadModelProcessor.Arrived::eventId).toArray());
        }
        List<EventRecord> records = new ArrayList<>(batch.size());
        for (ReadModelProcessor.Arrived arrived : batch) {
            Long position = positions.get(arrived.eventId());
            if (position == null) {
                throw new IllegalStateException("event " + arrived.eventId() + " is not in the event table");
            }
            EventRecord record = arrived.record();
            records.add(position == record.position() ? record : new EventRecord(record.payload(), record.aggregateId(),
                    record.sequence(), position, record.recordedAt()));
        }
        return records;
    }
}
