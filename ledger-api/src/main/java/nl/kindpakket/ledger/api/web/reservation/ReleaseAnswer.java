package nl.kindpakket.ledger.api.web.reservation;

import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.commands.ReleaseReservation;

/** What a release answers, the first time and on every repeat: the credit on the line with the hold given back. */
public record ReleaseAnswer(String reservationId, String entitlementId, String reason, Long lineBalanceAfterCents) {

    static ReleaseAnswer of(ReleaseReservation command, Receipt receipt) {
        return new ReleaseAnswer(command.reservationId(), command.entitlement().toString(), command.reason(),
                receipt.balanceAfterCents());
    }
}
