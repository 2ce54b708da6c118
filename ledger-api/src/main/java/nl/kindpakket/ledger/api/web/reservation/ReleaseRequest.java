package nl.kindpakket.ledger.api.web.reservation;

/** Body of POST .../reservations/{reservationId}/release. */
public record ReleaseRequest(String reason) {
}
