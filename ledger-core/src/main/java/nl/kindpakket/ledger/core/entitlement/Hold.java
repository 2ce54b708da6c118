package nl.kindpakket.ledger.core.entitlement;

import java.time.Instant;

import nl.kindpakket.ledger.core.api.events.CreditReserved;
import nl.kindpakket.ledger.core.api.refusals.ReservationNotOpen;

/** A hold on an entitlement's credit, and whether something settled it. */
record Hold(String reservationId, String providerId, String spendingLine, long amountCents, Instant reservedAt,
            Instant expiresAt, String settled) {

    static Hold of(CreditReserved event) {
        return new Hold(event.reservationId(), event.providerId(), event.spendingLine(), event.amountCents(),
                event.reservedAt(), event.expiresAt(), null);
    }

    boolean isOpen() {
        return settled == null;
    }

    void requireOpen() {
        if (!isOpen()) {
            throw new ReservationNotOpen(reservationId, settled);
        }
    }

    Hold settledAs(String how) {
        return new Hold(reservationId, providerId, spendingLine, amountCents, reservedAt, expiresAt, how);
    }
}
