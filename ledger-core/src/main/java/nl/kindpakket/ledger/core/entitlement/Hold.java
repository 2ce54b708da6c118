package nl.kindpakket.ledger.core.entitlement;

import java.time.Instant;

import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.commands.CaptureReservation;
import nl.kindpakket.ledger.core.api.commands.ReleaseReservation;
import nl.kindpakket.ledger.core.api.events.CreditReserved;
import nl.kindpakket.ledger.core.api.refusals.ReservationNotOpen;

/**
 * A hold on an entitlement's credit, and what settled it, if anything. It keeps what it answered when it was made
 * and settled, so that a repeated request gets the first answer again.
 */
record Hold(String reservationId, String passNumber, String providerId, String spendingLine, long amountCents,
            long balanceAfterCents, Instant reservedAt, Instant expiresAt, Settlement settlement) {

    /**
     * How a hold ended: how is one of {@link Holds#CAPTURED}, {@link Holds#RELEASED} or {@link Holds#EXPIRED};
     * redemptionId, capturedCents and occurredAt are a capture's, releasedBy and reason a release's.
     */
    record Settlement(String how, String redemptionId, long capturedCents, Instant occurredAt, String releasedBy,
                      String reason, long balanceAfterCents) {
    }

    static Hold of(CreditReserved event) {
        return new Hold(event.reservationId(), event.passNumber(), event.providerId(), event.spendingLine(),
                event.amountCents(), event.lineBalanceAfterCents(), event.reservedAt(), event.expiresAt(), null);
    }

    boolean isOpen() {
        return settlement == null;
    }

    void requireOpen() {
        if (!isOpen()) {
            throw new ReservationNotOpen(reservationId, settlement.how());
        }
    }

    Hold settledAs(Settlement how) {
        return new Hold(reservationId, passNumber, providerId, spendingLine, amountCents, balanceAfterCents,
                reservedAt, expiresAt, how);
    }

    /** A settled hold answers the capture that settled it again; any other capture finds it no longer open. */
    Receipt answerSettled(CaptureReservation command) {
        boolean same = Holds.CAPTURED.equals(settlement.how())
                && settlement.redemptionId().equals(command.redemptionId())
                && settlement.capturedCents() == command.amount().cents()
                && settlement.occurredAt().equals(command.occurredAt());
        if (!same) {
            requireOpen();
        }
        return Receipt.repeat(settlement.balanceAfterCents());
    }

    /** A hold released by the same party for the same reason answers as the first time; otherwise it is not open. */
    Receipt answerSettled(ReleaseReservation command, String releasedBy) {
        boolean same = Holds.RELEASED.equals(settlement.how())
                && releasedBy.equals(settlement.releasedBy())
                && command.reason().equals(settlement.reason());
        if (!same) {
            requireOpen();
        }
        return Receipt.repeat(settlement.balanceAfterCents());
    }
}
