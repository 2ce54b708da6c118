package nl.kindpakket.ledger.api.figures;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.projections.ReadModels;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

/** How far each read model's processor has come in the event store, and its reset. */
final class ReadModelProgress {

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final Serializer serializer;

    ReadModelProgress(JdbcTemplate jdbc, EventProcessingConfiguration processing, Serializer serializer) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.serializer = serializer;
    }

    /** The global index of the newest event in the store. */
    long head() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(global_index), -1) FROM domain_event_entry", Long.class);
    }

    /** The position of the token committed with the read model's rows; -1 before its first event. */
    long storedPosition(String readModel) {
        List<Long> positions = jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (row, n) -> position(row.getBytes("token"), row.getString("token_type")), readModel);
        return positions.stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    /** Waits until every read model has handled every event stored so far. */
    void awaitCaughtUp(Duration timeout) {
        long head = head();
        Await.until(timeout, () -> ReadModels.ALL.stream().allMatch(name -> position(name) >= head),
                () -> "the read models to reach event " + head + ", at " + positions());
    }

    /**
     * Waits until this service's processors hold every read model's segment: resetting them or failing one of their
     * batches means nothing while another service on the same database processes in their place.
     */
    void awaitClaimedHere(Duration timeout) {
        Await.until(timeout, () -> ReadModels.ALL.stream().noneMatch(name -> processor(name).processingStatus().isEmpty()),
                () -> "this service to claim every read model (does another service, such as a cached test context, "
                        + "process the same database?)");
    }

    StreamingEventProcessor processor(String readModel) {
        return processing.eventProcessor(readModel, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + readModel));
    }

    /** Stops every read model's processor and resets it: its rows are gone until {@link #startAll()} replays. */
    void shutDownAndResetAll() {
        ReadModels.ALL.forEach(name -> processor(name).shutDown());
        ReadModels.ALL.forEach(name -> processor(name).resetTokens());
    }

    void startAll() {
        ReadModels.ALL.forEach(name -> processor(name).start());
    }

    /** The live status, which moves on even when a batch held nothing for this read model; else the stored token. */
    private long position(String readModel) {
        Map<Integer, EventTrackerStatus> status = processor(readModel).processingStatus();
        long live = live(status.values());
        return Math.max(live, storedPosition(readModel));
    }

    private static long live(Collection<EventTrackerStatus> segments) {
        if (segments.isEmpty() || segments.stream().anyMatch(EventTrackerStatus::isErrorState)) {
            return -1;
        }
        return segments.stream().mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }

    private String positions() {
        return ReadModels.ALL.stream().map(name -> name + "=" + position(name)).toList().toString();
    }

    private long position(byte[] token, String type) {
        if (token == null || type == null) {
            return -1;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking.position().orElse(-1);
    }
}
