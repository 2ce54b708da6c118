package nl.kindpakket.ledger.core.api.events;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.LedgerEvent;
import org.axonframework.serialization.Revision;

/** An annual reset finished: how many entitlements expired and how many renewals were granted. */
@Revision("1")
public record AnnualResetCompleted(
        String annualResetId,
        String municipality,
        int fromYear,
        int toYear,
        LocalDate effectiveOn,
        int expiredCount,
        int renewedCount
) implements LedgerEvent {
}
