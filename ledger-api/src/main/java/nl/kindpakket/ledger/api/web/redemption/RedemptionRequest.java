package nl.kindpakket.ledger.api.web.redemption;

import java.time.Instant;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import nl.kindpakket.ledger.api.web.WholeCents;

/** Body of POST .../redemptions: occurredAt is the moment at the provider's till or web shop. */
public record RedemptionRequest(
        String redemptionId,
        String passNumber,
        String providerId,
        String spendingLine,
        @JsonDeserialize(using = WholeCents.class) Long amountCents,
        Instant occurredAt
) {
}
