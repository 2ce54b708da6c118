package nl.kindpakket.ledger.core.api.events;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * A hold was released without a capture: its whole amount goes back to the line's credit. releasedBy says who
 * released it: PROVIDER (the provider that holds it), STAFF (the municipality or the pass organisation),
 * REVOCATION (the entitlement was revoked) or ANNUAL_RESET (the reset that closes the year, annualResetId).
 */
@Revision("1")
public record ReservationReleased(
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
        String releasedBy,
        String reason,
        String annualResetId,
        Instant releasedAt,
        LocalDate releasedOn
) implements EntitlementEvent {
}
