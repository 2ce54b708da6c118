package nl.kindpakket.ledger.api.reconcile;

import java.time.Instant;
import java.util.List;

import nl.kindpakket.ledger.projections.store.TableComparison;

/**
 * Where a reconciliation stands, and what it found.
 *
 * @param state         RUNNING, EQUAL (every row of every live table equals a fresh fold of the events they reflect),
 *                      DIFFERENT or FAILED
 * @param position      the highest store position the compared tables reflect, once known
 * @param differingRows how many rows differ in all, once compared
 * @param differences   the first differing rows, each with its table, key and the values on each side
 */
public record ReconciliationStatus(
        String id,
        String state,
        long eventsDone,
        long eventsTotal,
        double eventsPerSecond,
        Double secondsLeft,
        Long position,
        Long differingRows,
        List<TableComparison.Difference> differences,
        Instant requestedAt,
        Instant finishedAt,
        String error
) {

    public ReconciliationStatus {
        differences = differences == null ? List.of() : List.copyOf(differences);
    }
}
