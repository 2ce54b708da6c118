package nl.kindpakket.ledger.api.rebuild;

import java.time.Instant;
import java.util.List;

/**
 * Where a rebuild stands, as the operator endpoint shows it.
 *
 * @param state           STARTING, REPLAYING (the old figures are served), SWAPPING (the new figures are being put in
 *                        place), DONE, FAILED or CANCELLED
 * @param eventsDone      events replayed into the shadow tables (committed)
 * @param eventsTotal     events in the store: those when the rebuild started and those appended since
 * @param eventsPerSecond events done per second of replay so far
 * @param secondsLeft     at that rate; null until the first batch
 * @param error           why it failed, or why its last batch failed while it retries
 */
public record RebuildStatus(
        String id,
        List<String> projections,
        String state,
        long eventsDone,
        long eventsTotal,
        double eventsPerSecond,
        Double secondsLeft,
        int batchSize,
        Instant requestedAt,
        Instant finishedAt,
        String error
) {

    public RebuildStatus {
        projections = List.copyOf(projections);
    }

    public boolean isFinished() {
        return finishedAt != null;
    }
}
