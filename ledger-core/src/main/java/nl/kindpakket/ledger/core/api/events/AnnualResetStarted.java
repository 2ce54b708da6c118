package nl.kindpakket.ledger.core.api.events;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.LedgerEvent;
import org.axonframework.serialization.Revision;

/** An annual reset (peildatum 1 januari) began: fromYear closes, its active entitlements will expire and the renewals be granted for toYear. renewalsDigest is a SHA-256 of the renewal list. */
@Revision("1")
public record AnnualResetStarted(
        String annualResetId,
        String municipality,
        int fromYear,
        int toYear,
        LocalDate effectiveOn,
        int renewalCount,
        String renewalsDigest
) implements LedgerEvent {
}
