package nl.kindpakket.ledger.api.rebuild;

import java.time.Instant;
import java.util.List;

/**
 * Where a rebuild stands, as the operator endpoint shows it.
 *
 * @param projections     the read models it rebuilds: all of them, which follow the store together
 * @param state           STARTING, FOLDING (the old figures are served), SWITCHING (the new tables catch up and take
 *                        the live ones' place, in one transaction), CANCELLING, DONE, FAILED or CANCELLED
 * @param eventsDone      events folded so far, those caught up with at the switch included
 * @param eventsTotal     events in the store up to where the fold reads; the switch adds those recorded meanwhile
 * @param eventsPerSecond events done per second of folding so far
 * @param secondsLeft     at that rate; null until the fold has started, 0 once done
 * @param parts           how many parts of the entitlements the fold goes through to stay within its memory
 * @param error           why it failed
 */
public record RebuildStatus(
        String id,
        List<String> projections,
        String state,
        long eventsDone,
        long eventsTotal,
        double eventsPerSecond,
        Double secondsLeft,
        int parts,
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
