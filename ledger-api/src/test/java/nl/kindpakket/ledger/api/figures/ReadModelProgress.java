package nl.kindpakket.ledger.api.figures;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.api.rebuild.ReadModelsCaughtUp;
import nl.kindpakket.ledger.projections.ReadModels;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

/** How far the read models' processor has come in the event store. */
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

    /** The lowest position of the tokens committed with the read models' rows; -1 before their first event. */
    long storedPosition() {
        return storedTokens().stream().mapToLong(token -> token == null ? -1 : token.position().orElse(-1)).min()
                .orElse(-1);
    }

    /** Waits until the read models have handled every event stored so far. */
    void awaitCaughtUp(Duration timeout) {
        long head = head();
        Await.until(timeout, () -> handledUpTo(head), () -> "the read models to reach event " + head + ", at " + position());
    }

    /**
     * Whether each segment's token is at {@code head} and has handled the events that committed after it passed their
     * positions: the live status where this service processes, else the stored tokens.
     */
    private boolean handledUpTo(long head) {
        Collection<EventTrackerStatus> live = processor().processingStatus().values();
        if (!live.isEmpty() && live.stream().noneMatch(EventTrackerStatus::isErrorState)) {
            return live.stream().allMatch(status -> ReadModelsCaughtUp.covers(jdbc, status.getTrackingToken(), head));
        }
        List<TrackingToken> stored = storedTokens();
        return !stored.isEmpty() && stored.stream().allMatch(token -> ReadModelsCaughtUp.covers(jdbc, token, head));
    }

    /** The tokens committed with the read models' rows, one per segment; null for a segment before its first event. */
    private List<TrackingToken> storedTokens() {
        return jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (row, n) -> token(row.getBytes("token"), row.getString("token_type")), ReadModels.GROUP);
    }

    /**
     * Waits until this service's processor holds every segment: failing one of its batches means nothing while
     * another service on the same store processes in its place.
     */
    void awaitClaimedHere(Duration timeout) {
        Await.until(timeout, () -> !processor().processingStatus().isEmpty(),
                () -> "this service to claim the read models (does another service process the same store?)");
    }

    StreamingEventProcessor processor() {
        return processing.eventProcessor(ReadModels.GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + ReadModels.GROUP));
    }

    /** The live status, which moves on even when a batch held nothing for the read models; else the stored token. */
    private long position() {
        Map<Integer, EventTrackerStatus> status = processor().processingStatus();
        return Math.max(live(status.values()), storedPosition());
    }

    private static long live(Collection<EventTrackerStatus> segments) {
        if (segments.isEmpty() || segments.stream().anyMatch(EventTrackerStatus::isErrorState)) {
            return -1;
        }
        return segments.stream().mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }

    private TrackingToken token(byte[] token, String type) {
        if (token == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
    }
}
