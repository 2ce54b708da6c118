package nl.kindpakket.ledger.core.entitlement;

import java.time.Instant;

import nl.kindpakket.ledger.core.api.events.CreditReserved;
import nl.kindpakket.ledger.core.api.refusals.ReservationNotOpen;

/**
 * A hold on an entitlement's credit, and what settled it, if anything: what the rules of its capture, release and
 * expiry read, nothing more (a snapshot that holds more is read without it).
 */
record Hold(String reservationId, String providerId, String spendingLine, long amountCents, Instant reservedAt,
            Instant expiresAt, Settlement settlement) {

    /** How a hold ended: one of {@link Holds#CAPTURED}, {@link Holds#RELEASED} or {@link Holds#EXPIRED}. */
    record Settlement(String how) {
    }

    static Hold of(CreditReserved event) {
        return new Hold(event.reservationId(), event.providerId(), event.spendingLine(), event.amountCents(),
                event.reservedAt(), event.expiresAt(), null);
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
        return new Hold(reservationId, providerId, spendingLine, amountCents, reservedAt, expiresAt, how);
    }
}
