package nl.kindpakket.ledger.core.api.events;

import java.math.BigDecimal;
import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.LedgerEvent;
import org.axonframework.serialization.Revision;

/** An organisation's execution cost (uitvoeringskosten) for a task, with the FTE it took. */
@Revision("1")
public record OverheadCostRecorded(
        String municipality,
        int year,
        String costId,
        String organisation,
        String task,
        long amountCents,
        BigDecimal fte,
        LocalDate incurredOn,
        long overheadTotalAfterCents
) implements LedgerEvent {
}
