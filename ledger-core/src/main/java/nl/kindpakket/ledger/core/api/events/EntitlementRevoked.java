package nl.kindpakket.ledger.core.api.events;

import java.time.LocalDate;
import java.util.Map;

import nl.kindpakket.ledger.core.api.LedgerEvent;

/** An entitlement was revoked (e.g. the child moved away); its unused credit per line is released. */
public record EntitlementRevoked(
        String entitlementId,
        String municipality,
        int year,
        String childRef,
        String passNumber,
        String reason,
        LocalDate effectiveOn,
        Map<String, Long> releasedCreditCents,
        long releasedTotalCents
) implements LedgerEvent {
}
