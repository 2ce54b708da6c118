package nl.kindpakket.ledger.core.api.events;

import java.time.LocalDate;
import java.util.List;

import nl.kindpakket.ledger.core.api.LedgerEvent;

/** A provider was registered and accepts the given spending lines. */
public record ProviderRegistered(
        String municipality,
        String providerId,
        String name,
        List<String> spendingLines,
        LocalDate registeredOn
) implements LedgerEvent {
}
