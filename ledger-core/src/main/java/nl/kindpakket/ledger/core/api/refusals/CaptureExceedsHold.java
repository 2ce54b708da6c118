package nl.kindpakket.ledger.core.api.refusals;

/** A capture takes at most what its hold holds; what it does not take goes back to the credit. */
public class CaptureExceedsHold extends LedgerRefusal {

    public CaptureExceedsHold(String reservationId, long heldCents, long requestedCents) {
        super("capture-exceeds-hold", Kind.RULE, "reservation " + reservationId + " holds " + heldCents
                + " cents, " + requestedCents + " requested");
    }
}
