package nl.kindpakket.ledger.core.api.commands;

import java.math.BigDecimal;
import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.BudgetYearId;
import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.Text;
import nl.kindpakket.ledger.core.api.Years;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records an organisation's execution cost for a task, with the FTE it took; today is the recording date (for the no-future rule). */
public record RecordOverheadCost(
        Municipality municipality,
        int year,
        String costId,
        String organisation,
        String task,
        Money amount,
        BigDecimal fte,
        LocalDate incurredOn,
        LocalDate today
) {

    public RecordOverheadCost {
        Require.present("municipality", municipality);
        Years.require("year", year);
        Text.requireIdentifier("costId", costId);
        organisation = Text.requireFreeText("organisation", organisation);
        task = Text.requireFreeText("task", task);
        Require.present("amountCents", amount);
        fte = Require.fte(fte);
        Years.requireDate("incurredOn", incurredOn);
        Require.present("today", today);
    }

    /** An overhead cost recorded today. */
    public RecordOverheadCost(Municipality municipality, int year, String costId, String organisation, String task,
                              Money amount, BigDecimal fte, LocalDate incurredOn) {
        this(municipality, year, costId, organisation, task, amount, fte, incurredOn, Years.today());
    }

    @TargetAggregateIdentifier
    public String budgetYearId() {
        return new BudgetYearId(municipality, year).toString();
    }
}
