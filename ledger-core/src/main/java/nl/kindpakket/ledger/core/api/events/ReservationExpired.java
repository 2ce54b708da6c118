package nl.kindpakket.ledger.core.api.events;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * A hold that nobody settled reached its expiry: its whole amount goes back to the line's credit. expiredOn is the
 * Europe/Amsterdam date of expiresAt; the ledger records the expiry when its scheduler fires, shortly after.
 */
@Revision("1")
public record ReservationExpired(
        String entitlementId,
        String municipality,
        int year,
        String childRef,
        String reservationId,
        String providerId,
        String spendingLine,
        long releasedCents,
        long lineBalanceAfterCents,
        long lineHeldAfterCents,
        Instant expiresAt,
        LocalDate expiredOn
) implements EntitlementEvent {
}
