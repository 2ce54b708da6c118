package nl.kindpakket.ledger.projections.entitlement;

import java.util.List;

/**
 * An entitlement's own events as the ledger's store holds them, which its history is told from: a copy of them in a
 * read model would be the largest of its tables, rebuilt and written on every event for what the store already keeps
 * in the order recorded.
 */
@FunctionalInterface
public interface EntitlementEvents {

    /** The entitlement's events in the order recorded, from its first through the one numbered {@code last}. */
    List<Event> through(String entitlementId, long last);

    /**
     * One event of an entitlement.
     *
     * @param sequence its number among the entitlement's events, from 0
     */
    record Event(long sequence, Object payload) {
    }
}
