package nl.kindpakket.ledger.api.web.budget;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.commands.RefundUnderspend;

/** What a recorded underspend refund answers, the first time and on every repeat. */
public record RefundAnswer(
        String municipality,
        int year,
        String refundId,
        String organisation,
        String spendingLine,
        long amountCents,
        LocalDate refundedOn,
        String returnedTo
) {

    static RefundAnswer of(RefundUnderspend command) {
        return new RefundAnswer(command.municipality().slug(), command.year(), command.refundId(),
                command.organisation(), command.spendingLine().value(), command.amount().cents(),
                command.refundedOn(), command.returnedTo());
    }
}
