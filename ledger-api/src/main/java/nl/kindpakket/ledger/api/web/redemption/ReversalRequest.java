package nl.kindpakket.ledger.api.web.redemption;

import java.time.Instant;

/** Body of POST .../redemptions/{redemptionId}/reversal. */
public record ReversalRequest(String reason, Instant reversedAt) {
}
