package nl.kindpakket.ledger.api.web.reservation;

import java.time.Instant;

import nl.kindpakket.ledger.projections.entitlement.HoldState;
import nl.kindpakket.ledger.projections.entitlement.ReservationView;

/**
 * A reservation as GET answers it: the child's entitlement it is on (year, childRef, current pass) and the hold,
 * with how it ended once it did.
 */
public record ReservationState(
        String reservationId,
        int year,
        String childRef,
        String passNumber,
        String providerId,
        String spendingLine,
        long amountCents,
        HoldState state,
        Instant reservedAt,
        Instant expiresAt,
        Instant settledAt,
        Long capturedCents,
        String redemptionId,
        String releasedBy,
        String reason
) {

    static ReservationState of(ReservationView view) {
        var hold = view.hold();
        return new ReservationState(hold.reservationId(), view.year(), view.childRef(), view.passNumber(),
                hold.providerId(), hold.spendingLine(), hold.amountCents(), hold.state(), hold.reservedAt(),
                hold.expiresAt(), hold.settledAt(), hold.capturedCents(), hold.redemptionId(), hold.releasedBy(),
                hold.reason());
    }
}
