package nl.kindpakket.ledger.core.api.events;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.LedgerEvent;
import org.axonframework.serialization.Revision;

/** Unspent budget of a line was repaid by an organisation and returned to another budget. */
@Revision("1")
public record UnderspendRefunded(
        String municipality,
        int year,
        String refundId,
        String organisation,
        String spendingLine,
        long amountCents,
        long lineRefundedAfterCents,
        LocalDate refundedOn,
        String returnedTo
) implements LedgerEvent {
}
