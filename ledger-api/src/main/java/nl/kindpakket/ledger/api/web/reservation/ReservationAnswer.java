package nl.kindpakket.ledger.api.web.reservation;

import java.time.Instant;

import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.commands.ReserveCredit;

/**
 * What a reservation answers, the first time and on every repeat: lineBalanceAfterCents is the credit the child can
 * still spend on the line, with the held credit already taken off.
 */
public record ReservationAnswer(
        String reservationId,
        String entitlementId,
        String passNumber,
        String providerId,
        String spendingLine,
        long amountCents,
        Instant expiresAt,
        Long lineBalanceAfterCents
) {

    static ReservationAnswer of(ReserveCredit command, Receipt receipt) {
        return new ReservationAnswer(command.reservationId(), command.entitlement().toString(),
                command.passNumber().value(), command.providerId().value(), command.spendingLine().value(),
                command.amount().cents(), command.expiresAt(), receipt.balanceAfterCents());
    }
}
