package nl.kindpakket.ledger.api.web.reservation;

import java.time.Instant;

import nl.kindpakket.ledger.projections.entitlement.HoldState;

/**
 * A reservation as GET answers it: the child's entitlement it is on (year, childRef, current pass) and the hold,
 * with how it ended once it did (settledAt; a capture's capturedCents and redemptionId; a release's releasedBy and
 * reason, the annual reset's id for a release by the reset).
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
}
