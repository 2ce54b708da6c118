package nl.kindpakket.ledger.projections.entitlement;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A child's entitlement for one year as it stands now, with the history that brought it there.
 *
 * @param passNumber  the current pass; earlier ones are in the history
 * @param creditCents credit left per spending line, in code order; zero on every line once revoked or expired
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
        List<HistoryEntry> history
) {

    public EntitlementView {
        creditCents = Collections.unmodifiableMap(new LinkedHashMap<>(creditCents));
        history = List.copyOf(history);
    }

    /**
     * One event of the entitlement.
     *
     * @param sequence          1 for the grant, then in the order recorded
     * @param type              the event's name, as in the event stream: EntitlementGranted, RedeemedAtProvider,
     *                          RedemptionReversed, PassReplaced, EntitlementRevoked or EntitlementExpired
     * @param businessDate      the date it is about (Europe/Amsterdam): granted, occurred, reversed, replaced,
     *                          effective or expired on
     * @param amountCents       credit granted, redeemed, returned or released; null for a pass replacement
     * @param balanceAfterCents the line's credit after a redemption or reversal, the total credit after the others;
     *                          null for a pass replacement
     * @param note              the pass for a grant or replacement, the reason for a reversal or revocation, the
     *                          annual reset for an expiry
     */
    public record HistoryEntry(int sequence, String type, LocalDate businessDate, String spendingLine,
                               Long amountCents, Long balanceAfterCents, String redemptionId, String providerId,
                               String note) {
    }
}
