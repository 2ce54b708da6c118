package nl.kindpakket.ledger.api.web.reservation;

import java.time.Instant;

/** Body of POST .../reservations/{reservationId}/capture: the redemption the hold becomes, at most what it holds. */
public record CaptureRequest(String redemptionId, Long amountCents, Instant occurredAt) {
}
