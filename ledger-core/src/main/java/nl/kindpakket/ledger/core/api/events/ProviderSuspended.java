package nl.kindpakket.ledger.core.api.events;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.LedgerEvent;

/** A provider was suspended: it can no longer redeem passes. */
public record ProviderSuspended(
        String municipality,
        String providerId,
        String reason,
        LocalDate suspendedOn
) implements LedgerEvent {
}
