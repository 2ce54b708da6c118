package nl.kindpakket.ledger.projections.entitlement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A child's entitlement for one year as it stands now, with the history that brought it there.
 *
 * @param passNumber  the current pass; earlier ones are in the history
 * @param creditCents credit left per spending line, in code order, without what is held; zero on every line once
 *                    revoked or expired
 * @param heldCents   credit held per spending line by open holds, in code order; a line without one is absent
 * @param holds       every reservation made on the entitlement, open or ended, in the order they were made
 */
public record EntitlementView(
        String entitlementId,
        String municipality,
        int year,
        String childRef,
        String passNumber,
        EntitlementStatus status,
        LocalDate grantedOn,
        Map<String, Long> creditCents,
        long totalCreditCents,
        List<HistoryEntry> history,
        Map<String, Long> heldCents,
        long totalHeldCents,
        List<Hold> holds
) {

    public EntitlementView {
        creditCents = Collections.unmodifiableMap(new LinkedHashMap<>(creditCents));
        history = List.copyOf(history);
        heldCents = Collections.unmodifiableMap(new LinkedHashMap<>(heldCents));
        holds = List.copyOf(holds);
    }

    /**
     * One event of the entitlement.
     *
     * @param sequence          1 for the grant, then in the order recorded
     * @param type              the event's name, as in the event stream: EntitlementGranted, RedeemedAtProvider,
     *                          RedemptionReversed, CreditReserved, ReservationCaptured, ReservationReleased,
     *                          ReservationExpired, PassReplaced, EntitlementRevoked or EntitlementExpired
     * @param businessDate      the date it is about (Europe/Amsterdam): granted, occurred, reversed, reserved,
     *                          captured, released, replaced, effective or expired on
     * @param amountCents       credit granted, redeemed, returned, held, captured or released; null for a pass
     *                          replacement
     * @param balanceAfterCents the line's credit after an event on one line, the total credit after the others;
     *                          null for a pass replacement
     * @param note              the pass for a grant or replacement, the reason for a reversal, revocation or
     *                          release, the annual reset for an expiry, the expiry of a hold, what a capture returned
     * @param reservationId     the hold an event of a reservation is about, else null
     */
    public record HistoryEntry(int sequence, String type, LocalDate businessDate, String spendingLine,
                               Long amountCents, Long balanceAfterCents, String redemptionId, String providerId,
                               String note, String reservationId) {
    }

    /**
     * One reservation: credit a provider held at booking, and how the hold ended.
     *
     * @param state         OPEN, CAPTURED, RELEASED or EXPIRED
     * @param capturedCents what a capture took of the hold (the rest went back to the credit); null otherwise
     * @param redemptionId  the redemption a capture made; null otherwise
     * @param settledAt     when a capture happened, a release was made or the hold expired; null while open
     * @param releasedBy    PROVIDER, STAFF, REVOCATION or ANNUAL_RESET for a release; null otherwise
     * @param reason        the reason given for a release, or the annual reset that released it
     */
    public record Hold(String reservationId, String providerId, String spendingLine, long amountCents,
                       HoldState state, Instant reservedAt, Instant expiresAt, Long capturedCents, String redemptionId,
                       Instant settledAt, String releasedBy, String reason) {
    }
}
