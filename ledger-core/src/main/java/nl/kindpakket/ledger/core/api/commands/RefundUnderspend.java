package nl.kindpakket.ledger.core.api.commands;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.BudgetYearId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.Text;
import nl.kindpakket.ledger.core.api.Years;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that unspent budget of a line was repaid and returned to another budget; today is the recording date (for the no-future rule). */
public record RefundUnderspend(
        Municipality municipality,
        int year,
        String refundId,
        String organisation,
        SpendingLineCode spendingLine,
        Money amount,
        LocalDate refundedOn,
        String returnedTo,
        LocalDate today
) {

    public RefundUnderspend {
        Require.present("municipality", municipality);
        Years.require("year", year);
        Text.requireIdentifier("refundId", refundId);
        organisation = Text.requireFreeText("organisation", organisation);
        Require.present("spendingLine", spendingLine);
        Require.present("amountCents", amount);
        Years.requireDate("refundedOn", refundedOn);
        returnedTo = Text.requireFreeText("returnedTo", returnedTo);
        Require.present("today", today);
    }

    /** A refund recorded today. */
    public RefundUnderspend(Municipality municipality, int year, String refundId, String organisation,
                            SpendingLineCode spendingLine, Money amount, LocalDate refundedOn, String returnedTo) {
        this(municipality, year, refundId, organisation, spendingLine, amount, refundedOn, returnedTo, Years.today());
    }

    @TargetAggregateIdentifier
    public String budgetYearId() {
        return new BudgetYearId(municipality, year).toString();
    }
}
