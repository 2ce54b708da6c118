package nl.kindpakket.ledger.core.api.events;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.LedgerEvent;
import org.axonframework.serialization.Revision;

/** Budget was allocated to a spending line; availableAfterCents is the line's total allocation after it. */
@Revision("1")
public record BudgetAllocated(
        String municipality,
        int year,
        String allocationId,
        String spendingLine,
        long amountCents,
        long availableAfterCents,
        String source,
        LocalDate allocatedOn
) implements LedgerEvent {
}
