package nl.kindpakket.ledger.core.api.commands;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.BudgetYearId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.Text;
import nl.kindpakket.ledger.core.api.Years;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records money an executing organisation spent directly on a spending line; today is the recording date (for the no-future rule). */
public record RecordExpenditure(
        Municipality municipality,
        int year,
        String expenditureId,
        String organisation,
        SpendingLineCode spendingLine,
        Money amount,
        LocalDate spentOn,
        String description,
        LocalDate today
) {

    public RecordExpenditure {
        Require.present("municipality", municipality);
        Years.require("year", year);
        Text.requireIdentifier("expenditureId", expenditureId);
        organisation = Text.requireFreeText("organisation", organisation);
        Require.present("spendingLine", spendingLine);
        Require.present("amountCents", amount);
        Years.requireDate("spentOn", spentOn);
        description = Text.optionalFreeText("description", description);
        Require.present("today", today);
    }

    /** An expenditure recorded today. */
    public RecordExpenditure(Municipality municipality, int year, String expenditureId, String organisation,
                             SpendingLineCode spendingLine, Money amount, LocalDate spentOn, String description) {
        this(municipality, year, expenditureId, organisation, spendingLine, amount, spentOn, description, Years.today());
    }

    @TargetAggregateIdentifier
    public String budgetYearId() {
        return new BudgetYearId(municipality, year).toString();
    }
}
