package nl.kindpakket.ledger.api.web.redemption;

import java.time.Instant;


/** Body of POST .../redemptions: occurredAt is the moment at the provider's till or web shop. */
public record RedemptionRequest(
        String redemptionId,
        String passNumber,
        String providerId,
        String spendingLine,
        Long amountCents,
        Instant occurredAt
) {
}
