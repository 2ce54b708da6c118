package nl.kindpakket.ledger.projections.entitlement;

/**
 * A reservation as its provider and staff look it up: the hold, and the entitlement it is on.
 *
 * @param passNumber the entitlement's current pass
 */
public record ReservationView(String municipality, int year, String childRef, String passNumber,
                              EntitlementView.Hold hold) {
}
