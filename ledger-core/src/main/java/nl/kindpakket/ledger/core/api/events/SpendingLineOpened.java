package nl.kindpakket.ledger.core.api.events;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.LedgerEvent;
import org.axonframework.serialization.Revision;

/** A spending line (bestedingslijn) was opened in a municipality's year with its first allocation. */
@Revision("1")
public record SpendingLineOpened(
        String municipality,
        int year,
        String spendingLine,
        String name,
        LocalDate openedOn
) implements LedgerEvent {
}
