package nl.kindpakket.ledger.api.web.redemption;

import java.time.Instant;

import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.commands.ReverseRedemption;

/** What a reversal answers, the first time and on every repeat: lineBalanceAfterCents is the credit on the line afterwards. */
public record ReversalAnswer(
        String redemptionId,
        String entitlementId,
        String reason,
        Instant reversedAt,
        Long lineBalanceAfterCents
) {

    static ReversalAnswer of(ReverseRedemption command, Receipt receipt) {
        return new ReversalAnswer(command.redemptionId(), command.entitlement().toString(), command.reason(),
                command.reversedAt(), receipt.balanceAfterCents());
    }
}
