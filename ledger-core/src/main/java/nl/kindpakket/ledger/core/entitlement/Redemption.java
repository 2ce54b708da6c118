package nl.kindpakket.ledger.core.entitlement;

import java.time.Instant;

import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.commands.RedeemAtProvider;
import nl.kindpakket.ledger.core.api.commands.ReverseRedemption;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.refusals.AlreadyReversed;
import nl.kindpakket.ledger.core.api.refusals.IdempotencyConflict;

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

    /** A client retrying a redemption gets the first answer; the same id for another redemption is refused. */
    Receipt answerRepeat(RedeemAtProvider command) {
        boolean same = passNumber.equals(command.passNumber().value())
                && providerId.equals(command.providerId().value())
                && spendingLine.equals(command.spendingLine().value())
                && amountCents == command.amount().cents()
                && occurredAt.equals(command.occurredAt());
        if (!same) {
            throw new IdempotencyConflict(redemptionId);
        }
        return Receipt.repeat(lineBalanceAfterCents);
    }

    Receipt answerRepeatedReversal(ReverseRedemption command) {
        if (reversal.reason().equals(command.reason()) && reversal.reversedAt().equals(command.reversedAt())) {
            return Receipt.repeat(reversal.lineBalanceAfterCents());
        }
        throw new AlreadyReversed(redemptionId);
    }
}
