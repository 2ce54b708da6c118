package nl.kindpakket.ledger.core.api.events;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.LedgerEvent;

/** A spending line (bestedingslijn) was opened in a municipality's year with its first allocation. */
public record SpendingLineOpened(
        String municipality,
        int year,
        String spendingLine,
        String name,
        LocalDate openedOn
) implements LedgerEvent {
}
