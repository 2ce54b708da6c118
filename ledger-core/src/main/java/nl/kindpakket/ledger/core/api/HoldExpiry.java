package nl.kindpakket.ledger.core.api;

/** The deadline set at a hold's expiry: when it fires, the hold expires if nothing settled it before. */
public record HoldExpiry(String reservationId) {

    public static final String DEADLINE = "hold-expiry";
}
