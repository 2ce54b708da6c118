package nl.kindpakket.ledger.core.api.refusals;

/** No hold by this id, or none the asking provider made: a provider learns nothing of another's holds. */
public class UnknownReservation extends LedgerRefusal {

    public UnknownReservation(String reservationId) {
        super("unknown-reservation", Kind.NOT_FOUND, "no reservation " + reservationId);
    }
}
