package nl.kindpakket.ledger.core.api.events;

import java.time.LocalDate;
import java.util.Map;

import org.axonframework.serialization.Revision;

/** A child was granted an entitlement for a year, with credit per spending line (cents) and a pass. annualResetId is set when it is a renewal by an annual reset. */
@Revision("1")
public record EntitlementGranted(
        String entitlementId,
        String municipality,
        int year,
        String childRef,
        String passNumber,
        Map<String, Long> creditCents,
        long totalCreditCents,
        LocalDate grantedOn,
        String annualResetId
) implements EntitlementEvent {
}
