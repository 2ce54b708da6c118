package nl.kindpakket.ledger.core.entitlement;

import java.time.Instant;

import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.commands.ReverseRedemption;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.refusals.AlreadyReversed;

/** A redemption recorded on an entitlement, with its reversal once there is one. */
record Redemption(
        String redemptionId,
        String passNumber,
        String providerId,
        String spendingLine,
        long amountCents,
        Instant occurredAt,
        long lineBalanceAfterCents,
        Reversal reversal
) {

    record Reversal(String reason, Instant reversedAt, long lineBalanceAfterCents) {
    }

    static Redemption of(RedeemedAtProvider event) {
        return new Redemption(event.redemptionId(), event.passNumber(), event.providerId(), event.spendingLine(),
                event.amountCents(), event.occurredAt(), event.lineBalanceAfterCents(), null);
    }

    Redemption reversed(Reversal by) {
        return new Redemption(redemptionId, passNumber, providerId, spendingLine, amountCents, occurredAt,
                lineBalanceAfterCents, by);
    }

    boolean isReversed() {
        return reversal != null;
    }

    Receipt answerRepeatedReversal(ReverseRedemption command) {
        if (reversal.reason().equals(command.reason()) && reversal.reversedAt().equals(command.reversedAt())) {
            return Receipt.repeat(reversal.lineBalanceAfterCents());
        }
        throw new AlreadyReversed(redemptionId);
    }
}
