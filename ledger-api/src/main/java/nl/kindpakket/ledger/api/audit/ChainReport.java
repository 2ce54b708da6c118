package nl.kindpakket.ledger.api.audit;

import java.time.Instant;

/**
 * What a verification of the event chain found.
 *
 * @param municipality  the municipality whose events were checked, or null for the whole store
 * @param breaks        events at which the chain does not hold (after one, the rest of its aggregate is still checked)
 * @param firstBreak    the break with the lowest global index, or null when the chain is intact
 */
public record ChainReport(
        String municipality,
        long eventsChecked,
        long aggregates,
        long breaks,
        ChainBreak firstBreak,
        Instant checkedAt,
        long durationMs
) {

    public boolean intact() {
        return firstBreak == null;
    }

    public double eventsPerSecond() {
        return durationMs == 0 ? eventsChecked * 1000.0 : eventsChecked * 1000.0 / durationMs;
    }
}
