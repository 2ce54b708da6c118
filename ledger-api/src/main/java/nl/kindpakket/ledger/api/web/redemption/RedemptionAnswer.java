package nl.kindpakket.ledger.api.web.redemption;

import java.time.Instant;

import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.commands.RedeemAtProvider;

/** What a redemption answers, the first time and on every repeat: lineBalanceAfterCents is the credit left on the line. */
public record RedemptionAnswer(
        String redemptionId,
        String entitlementId,
        String passNumber,
        String providerId,
        String spendingLine,
        long amountCents,
        Instant occurredAt,
        Long lineBalanceAfterCents
) {

    static RedemptionAnswer of(RedeemAtProvider command, Receipt receipt) {
        return new RedemptionAnswer(command.redemptionId(), command.entitlement().toString(),
                command.passNumber().value(), command.providerId().value(), command.spendingLine().value(),
                command.amount().cents(), command.occurredAt(), receipt.balanceAfterCents());
    }
}
