package nl.kindpakket.ledger.core.api.events;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.LedgerEvent;

/** A municipality's year was closed: no grants or redemptions in it any more. */
public record YearClosed(
        String municipality,
        int year,
        LocalDate closedOn,
        String annualResetId
) implements LedgerEvent {
}
