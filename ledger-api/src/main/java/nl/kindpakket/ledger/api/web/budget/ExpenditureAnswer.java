package nl.kindpakket.ledger.api.web.budget;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.commands.RecordExpenditure;

/** What a recorded expenditure answers, the first time and on every repeat. */
public record ExpenditureAnswer(
        String municipality,
        int year,
        String expenditureId,
        String organisation,
        String spendingLine,
        long amountCents,
        LocalDate spentOn,
        String description
) {

    static ExpenditureAnswer of(RecordExpenditure command) {
        return new ExpenditureAnswer(command.municipality().slug(), command.year(), command.expenditureId(),
                command.organisation(), command.spendingLine().value(), command.amount().cents(),
                command.spentOn(), command.description());
    }
}
