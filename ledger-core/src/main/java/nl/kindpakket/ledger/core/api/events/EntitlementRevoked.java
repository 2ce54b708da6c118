package nl.kindpakket.ledger.core.api.events;

import java.time.LocalDate;
import java.util.Map;

import org.axonframework.serialization.Revision;

/** An entitlement was revoked (e.g. the child moved away); its unused credit per line is released. */
@Revision("1")
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
) implements EntitlementEvent {
}
