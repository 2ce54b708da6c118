package nl.kindpakket.ledger.projections.entitlement;

/** Where a reservation stands: held, or ended by a capture, a release or its expiry. */
public enum HoldState {
    OPEN, CAPTURED, RELEASED, EXPIRED
}
