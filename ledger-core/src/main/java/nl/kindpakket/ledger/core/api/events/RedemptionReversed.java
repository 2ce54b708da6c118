package nl.kindpakket.ledger.core.api.events;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** A redemption was reversed: its amount returns to the line's credit. redemptionOccurredOn is the business date of the redemption it undoes. */
@Revision("1")
public record RedemptionReversed(
        String entitlementId,
        String municipality,
        int year,
        String childRef,
        String redemptionId,
        String providerId,
        String spendingLine,
        long amountCents,
        long lineBalanceAfterCents,
        String reason,
        Instant reversedAt,
        LocalDate reversedOn,
        LocalDate redemptionOccurredOn
) implements EntitlementEvent {
}
