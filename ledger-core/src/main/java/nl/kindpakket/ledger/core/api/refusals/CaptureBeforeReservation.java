package nl.kindpakket.ledger.core.api.refusals;

import java.time.Instant;

/** A capture settles a booking: it cannot be dated before the hold was made. */
public class CaptureBeforeReservation extends LedgerRefusal {

    public CaptureBeforeReservation(String reservationId, Instant reservedAt) {
        super("capture-before-reservation", Kind.RULE,
                "reservation " + reservationId + " was made at " + reservedAt + "; its capture cannot be earlier");
    }
}
