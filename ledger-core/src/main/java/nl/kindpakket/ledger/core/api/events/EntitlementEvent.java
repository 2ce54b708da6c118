package nl.kindpakket.ledger.core.api.events;

import nl.kindpakket.ledger.core.api.LedgerEvent;

/** An event of one child's entitlement: a reader keyed by entitlement finds it without knowing the event type. */
public interface EntitlementEvent extends LedgerEvent {

    String entitlementId();
}
