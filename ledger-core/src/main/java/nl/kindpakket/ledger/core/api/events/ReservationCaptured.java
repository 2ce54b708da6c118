package nl.kindpakket.ledger.core.api.events;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * A hold was settled by a capture: capturedCents becomes the redemption redemptionId, recorded next as a
 * {@link RedeemedAtProvider} with the same balance after it, and returnedCents (held minus captured) goes back to
 * the line's credit. lineBalanceAfterCents is the line's credit once both are done; lineHeldAfterCents what is
 * still held on the line by other holds. occurredOn is the Europe/Amsterdam date of occurredAt, the date the
 * redemption counts on.
 */
@Revision("1")
public record ReservationCaptured(
        String entitlementId,
        String municipality,
        int year,
        String childRef,
        String reservationId,
        String providerId,
        String spendingLine,
        long heldCents,
        long capturedCents,
        long returnedCents,
        String redemptionId,
        long lineBalanceAfterCents,
        long lineHeldAfterCents,
        Instant occurredAt,
        LocalDate occurredOn
) implements EntitlementEvent {
}
