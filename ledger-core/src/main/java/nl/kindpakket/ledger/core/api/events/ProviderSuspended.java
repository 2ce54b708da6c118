package nl.kindpakket.ledger.core.api.events;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.LedgerEvent;
import org.axonframework.serialization.Revision;

/** A provider was suspended: it can no longer redeem passes. */
@Revision("1")
public record ProviderSuspended(
        String municipality,
        String providerId,
        String reason,
        LocalDate suspendedOn
) implements LedgerEvent {
}
