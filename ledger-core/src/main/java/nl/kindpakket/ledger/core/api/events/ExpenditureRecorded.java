package nl.kindpakket.ledger.core.api.events;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.LedgerEvent;
import org.axonframework.serialization.Revision;

/** An executing organisation spent money on a spending line directly (not through a pass). */
@Revision("1")
public record ExpenditureRecorded(
        String municipality,
        int year,
        String expenditureId,
        String organisation,
        String spendingLine,
        long amountCents,
        long lineExpendituresAfterCents,
        LocalDate spentOn,
        String description
) implements LedgerEvent {
}
