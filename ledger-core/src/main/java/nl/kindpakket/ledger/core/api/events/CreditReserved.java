package nl.kindpakket.ledger.core.api.events;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * A provider put credit on hold for a booking it will settle later. The held amount leaves the line's credit at
 * once: lineBalanceAfterCents is what the child can still spend on the line, lineHeldAfterCents what is held on it
 * in all. The hold ends by a capture, a release or its expiry at expiresAt, whichever comes first.
 */
@Revision("1")
public record CreditReserved(
        String entitlementId,
        String municipality,
        int year,
        String childRef,
        String reservationId,
        String passNumber,
        String providerId,
        String spendingLine,
        long amountCents,
        long lineBalanceAfterCents,
        long lineHeldAfterCents,
        Instant reservedAt,
        LocalDate reservedOn,
        Instant expiresAt
) implements EntitlementEvent {
}
