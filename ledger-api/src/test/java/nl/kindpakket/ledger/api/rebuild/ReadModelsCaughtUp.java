package nl.kindpakket.ledger.api.rebuild;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.projections.ReadModels;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Waits until the read models have processed every event in the store, reading their processor's tokens (one per
 * segment) from the token table: whichever application context of the test run holds the claims, its progress is there.
 */
public final class ReadModelsCaughtUp {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private ReadModelsCaughtUp() {
    }

    public static void await(JdbcTemplate jdbc, Serializer serializer) {
        long head = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), -1) FROM domain_event_entry", Long.class);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!caughtUp(jdbc, serializer, head)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("read models did not reach event " + head + " in " + TIMEOUT);
            }
            sleep();
        }
    }

    private static boolean caughtUp(JdbcTemplate jdbc, Serializer serializer, long head) {
        List<Map<String, Object>> tokens = jdbc.queryForList(
                "SELECT segment, token, token_type FROM token_entry WHERE processor_name = ?", ReadModels.GROUP);
        return !tokens.isEmpty() && tokens.stream().allMatch(row -> {
            byte[] token = (byte[]) row.get("token");
            if (token == null) {
                return head < 0;
            }
            TrackingToken position = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class,
                    (String) row.get("token_type"), null));
            return covers(jdbc, position, head);
        });
    }

    /**
     * Whether a token has handled every event stored up to {@code head}: its position is there, and none of the gaps
     * it left (positions of transactions not yet committed when it passed them) holds an event now. A gap whose
     * transaction rolled back stays empty, and is no event to wait for.
     */
    public static boolean covers(JdbcTemplate jdbc, TrackingToken token, long head) {
        if (token == null || token.position().orElse(-1) < head) {
            return false;
        }
        if (!(token instanceof GapAwareTrackingToken gapAware) || gapAware.getGaps().isEmpty()) {
            return true;
        }
        List<Long> gaps = gapAware.getGaps().headSet(head + 1).stream().toList();
        if (gaps.isEmpty()) {
            return true;
        }
        String placeholders = String.join(", ", Collections.nCopies(gaps.size(), "?"));
        Long filled = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE global_index IN ("
                + placeholders + ")", Long.class, gaps.toArray());
        return filled != null && filled == 0;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
