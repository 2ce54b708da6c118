package nl.kindpakket.ledger.core.api.events;

import java.time.LocalDate;
import java.util.Map;

import org.axonframework.serialization.Revision;

/** An entitlement expired at the annual reset that closed its year; its unused credit per line is released. */
@Revision("1")
public record EntitlementExpired(
        String entitlementId,
        String municipality,
        int year,
        String childRef,
        String passNumber,
        LocalDate expiredOn,
        Map<String, Long> releasedCreditCents,
        long releasedTotalCents,
        String annualResetId
) implements EntitlementEvent {
}
