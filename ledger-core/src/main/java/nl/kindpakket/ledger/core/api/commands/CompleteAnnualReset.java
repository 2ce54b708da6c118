package nl.kindpakket.ledger.core.api.commands;

import nl.kindpakket.ledger.core.api.BudgetYearId;
import nl.kindpakket.ledger.core.api.Municipality;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Marks an annual reset done once every expiry and renewal of its job is recorded. */
public record CompleteAnnualReset(
        Municipality municipality,
        int fromYear,
        String annualResetId,
        int expiredCount,
        int renewedCount
) {

    public CompleteAnnualReset {
        Require.present("municipality", municipality);
        Require.present("annualResetId", annualResetId);
    }

    @TargetAggregateIdentifier
    public String budgetYearId() {
        return new BudgetYearId(municipality, fromYear).toString();
    }
}
