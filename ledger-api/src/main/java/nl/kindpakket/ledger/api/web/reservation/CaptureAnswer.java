package nl.kindpakket.ledger.api.web.reservation;

import java.time.Instant;

import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.commands.CaptureReservation;

/**
 * What a capture answers, the first time and on every repeat: the redemption it made, and the credit left on the
 * line once the part of the hold not captured came back.
 */
public record CaptureAnswer(
        String reservationId,
        String redemptionId,
        String entitlementId,
        long amountCents,
        Instant occurredAt,
        Long lineBalanceAfterCents
) {

    static CaptureAnswer of(CaptureReservation command, Receipt receipt) {
        return new CaptureAnswer(command.reservationId(), command.redemptionId(), command.entitlement().toString(),
                command.amount().cents(), command.occurredAt(), receipt.balanceAfterCents());
    }
}
