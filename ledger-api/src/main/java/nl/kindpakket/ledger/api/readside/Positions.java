package nl.kindpakket.ledger.api.readside;

import java.util.List;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;

/**
 * Where the read models' live processor stands: per segment of the aggregates, the events it has handled (every
 * position up to its token's index but the gaps it still waits for). A segment without a token has handled none.
 */
public record Positions(List<Segmented> segments) implements Coverage {

    public Positions {
        segments = List.copyOf(segments);
    }

    public record Segmented(Segment segment, GapAwareTrackingToken token) {
    }

    @Override
    public boolean covers(long position, String aggregateId) {
        for (Segmented segmented : segments) {
            if (segmented.segment().matches(aggregateId)) {
                GapAwareTrackingToken token = segmented.token();
                return token != null && position <= token.getIndex() && !token.getGaps().contains(position);
            }
        }
        return false;
    }

    /** The lowest position some segment has not handled; events below it are handled by every segment. */
    public long lowestUnhandled() {
        long lowest = Long.MAX_VALUE;
        for (Segmented segmented : segments) {
            GapAwareTrackingToken token = segmented.token();
            long unhandled = token == null ? 0 : token.getGaps().isEmpty() ? token.getIndex() + 1 : token.getGaps().first();
            lowest = Math.min(lowest, unhandled);
        }
        return segments.isEmpty() ? 0 : lowest;
    }

    /** The highest position some segment has handled; -1 when none has handled any. */
    public long highestHandled() {
        return segments.stream().map(Segmented::token).filter(java.util.Objects::nonNull)
                .mapToLong(GapAwareTrackingToken::getIndex).max().orElse(-1);
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }
}
