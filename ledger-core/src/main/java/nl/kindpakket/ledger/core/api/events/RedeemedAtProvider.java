package nl.kindpakket.ledger.core.api.events;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** A pass was redeemed at a provider on a spending line; lineBalanceAfterCents is the credit left on that line. occurredOn is the Europe/Amsterdam date of occurredAt. */
@Revision("1")
public record RedeemedAtProvider(
        String entitlementId,
        String municipality,
        int year,
        String childRef,
        String redemptionId,
        String passNumber,
        String providerId,
        String spendingLine,
        long amountCents,
        long lineBalanceAfterCents,
        Instant occurredAt,
        LocalDate occurredOn
) implements EntitlementEvent {
}
