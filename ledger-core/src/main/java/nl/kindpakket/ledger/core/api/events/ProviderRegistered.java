package nl.kindpakket.ledger.core.api.events;

import java.time.LocalDate;
import java.util.List;

import nl.kindpakket.ledger.core.api.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * A provider was registered and accepts the given spending lines from acceptsFrom on.
 * Revision 2 added acceptsFrom; revision 1 events are upcast with acceptsFrom = registeredOn.
 */
@Revision("2")
public record ProviderRegistered(
        String municipality,
        String providerId,
        String name,
        List<String> spendingLines,
        LocalDate registeredOn,
        LocalDate acceptsFrom
) implements LedgerEvent {

    /** A provider accepts passes from the day it is registered unless told otherwise. */
    public ProviderRegistered(String municipality, String providerId, String name, List<String> spendingLines,
                              LocalDate registeredOn) {
        this(municipality, providerId, name, spendingLines, registeredOn, registeredOn);
    }
}
