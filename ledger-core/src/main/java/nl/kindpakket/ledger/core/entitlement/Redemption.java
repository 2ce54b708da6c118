package nl.kindpakket.ledger.core.entitlement;

import java.time.Instant;

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

    /** A redemption is reversed once: any reversal after the first is refused. */
    void requireNotReversed() {
        if (isReversed()) {
            throw new AlreadyReversed(redemptionId);
        }
    }
}
