package nl.kindpakket.ledger.core.entitlement;

import java.time.Instant;

import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import nl.kindpakket.ledger.core.api.refusals.AlreadyReversed;

/**
 * A redemption recorded on an entitlement, as much of it as the entitlement's rules on a later reversal or capture
 * need: which provider made it, on which line, for how much and when, and whether it was reversed.
 */
record Redemption(
        String redemptionId,
        String providerId,
        String spendingLine,
        long amountCents,
        Instant occurredAt,
        boolean reversed
) {

    static Redemption of(RedeemedAtProvider event) {
        return new Redemption(event.redemptionId(), event.providerId(), event.spendingLine(), event.amountCents(),
                event.occurredAt(), false);
    }

    Redemption asReversed() {
        return new Redemption(redemptionId, providerId, spendingLine, amountCents, occurredAt, true);
    }

    /** A redemption is reversed once: any reversal after the first is refused. */
    void requireNotReversed() {
        if (reversed) {
            throw new AlreadyReversed(redemptionId);
        }
    }
}
