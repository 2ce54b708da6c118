package nl.kindpakket.ledger.api.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Where each event processor stands in the event store, read from the token table, against the head of
 * the store. Read from the database rather than from the processors in this process, so that it is also
 * right for segments another node holds. Cached briefly: every scrape and every probe asks.
 */
public class ProcessorPositions {

    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;
    private final Clock clock;
    private final Duration maxAge;
    private Snapshot snapshot;

    public ProcessorPositions(JdbcTemplate jdbc, Serializer tokenSerializer, Clock clock, Duration maxAge) {
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The positions of at most {@code maxAge} ago; on a database failure, a snapshot that carries the failure. */
    public synchronized Snapshot current() {
        Instant now = clock.instant();
        if (snapshot == null || snapshot.takenAt().plus(maxAge).isBefore(now)) {
            snapshot = read(now);
        }
        return snapshot;
    }

    private Snapshot read(Instant now) {
        try {
            Long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
            Map<String, Long> lowest = new HashMap<>();
            jdbc.query("select processor_name, token, token_type from token_entry", (RowCallbackHandler) row -> {
                long position = position(row.getBytes("token"), row.getString("token_type"));
                lowest.merge(row.getString("processor_name"), position, Math::min);
            });
            return new Snapshot(now, head == null ? 0 : head, Map.copyOf(lowest), Optional.empty());
        } catch (DataAccessException e) {
            return new Snapshot(now, 0, Map.of(), Optional.of(e));
        }
    }

    /** A segment without a token has processed nothing yet. */
    private long position(byte[] token, String tokenType) {
        if (token == null || tokenType == null) {
            return 0;
        }
        TrackingToken tracking = tokenSerializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, tokenType, null));
        return tracking == null ? 0 : tracking.position().orElse(0);
    }

    /** The head of the store and the lowest position of each processor's segments. */
    public record Snapshot(Instant takenAt, long head, Map<String, Long> positions, Optional<DataAccessException> failure) {

        public boolean available() {
            return failure.isEmpty();
        }

        public OptionalLong position(String processor) {
            Long position = positions.get(processor);
            return available() ? OptionalLong.of(position == null ? 0 : position) : OptionalLong.empty();
        }

        /** How many events the processor has still to handle; empty when the store cannot be read. */
        public OptionalLong lag(String processor) {
            OptionalLong position = position(processor);
            return position.isPresent() ? OptionalLong.of(Math.max(0, head - position.getAsLong())) : OptionalLong.empty();
        }
    }
}
