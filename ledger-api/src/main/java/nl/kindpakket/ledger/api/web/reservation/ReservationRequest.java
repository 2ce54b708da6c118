package nl.kindpakket.ledger.api.web.reservation;

import java.time.Instant;

/** Body of POST .../reservations: expiresAt is when the hold lapses unless it is captured or released before. */
public record ReservationRequest(
        String reservationId,
        String passNumber,
        String providerId,
        String spendingLine,
        Long amountCents,
        Instant expiresAt
) {
}
