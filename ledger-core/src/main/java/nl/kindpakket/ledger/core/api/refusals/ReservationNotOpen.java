package nl.kindpakket.ledger.core.api.refusals;

/** A hold is settled once: after a capture, a release or its expiry, it can be neither captured nor released. */
public class ReservationNotOpen extends LedgerRefusal {

    public ReservationNotOpen(String reservationId, String state) {
        super("reservation-not-open", Kind.CONFLICT, "reservation " + reservationId + " is already " + state);
    }
}
