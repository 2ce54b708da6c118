package nl.kindpakket.ledger.core.api.events;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.LedgerEvent;
import org.axonframework.serialization.Revision;

/** A municipality's year was closed: no grants or redemptions in it any more. */
@Revision("1")
public record YearClosed(
        String municipality,
        int year,
        LocalDate closedOn,
        String annualResetId
) implements LedgerEvent {
}
