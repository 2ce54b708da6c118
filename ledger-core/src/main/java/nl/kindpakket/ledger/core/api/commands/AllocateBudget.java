package nl.kindpakket.ledger.core.api.commands;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.BudgetYearId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.Text;
import nl.kindpakket.ledger.core.api.Years;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Allocates budget to a spending line of a municipality's year, opening the line on its first allocation; today is the recording date (for the no-future rule). */
public record AllocateBudget(
        Municipality municipality,
        int year,
        SpendingLineCode spendingLine,
        String name,
        Money amount,
        String allocationId,
        String source,
        LocalDate allocatedOn,
        LocalDate today
) {

    public AllocateBudget {
        Require.present("municipality", municipality);
        Years.require("year", year);
        Require.present("code", spendingLine);
        name = Text.requireFreeText("name", name);
        Require.present("amountCents", amount);
        Text.requireIdentifier("allocationId", allocationId);
        source = Text.optionalFreeText("source", source);
        Years.requireDate("allocatedOn", allocatedOn);
        Require.present("today", today);
    }

    /** An allocation recorded today. */
    public AllocateBudget(Municipality municipality, int year, SpendingLineCode spendingLine, String name, Money amount,
                          String allocationId, String source, LocalDate allocatedOn) {
        this(municipality, year, spendingLine, name, amount, allocationId, source, allocatedOn, Years.today());
    }

    @TargetAggregateIdentifier
    public String budgetYearId() {
        return new BudgetYearId(municipality, year).toString();
    }
}
