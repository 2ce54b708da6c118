package nl.kindpakket.ledger.core.api.commands;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.BudgetYearId;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.Text;
import nl.kindpakket.ledger.core.api.Years;
import nl.kindpakket.ledger.core.api.refusals.InvalidInput;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes fromYear for a municipality (peildatum 1 januari): the year closes, its active entitlements will expire and renewalCount renewals will be granted for toYear by the reset job annualResetId. */
public record AnnualReset(
        Municipality municipality,
        int fromYear,
        int toYear,
        LocalDate effectiveOn,
        int renewalCount,
        String renewalsDigest,
        String annualResetId
) {

    public AnnualReset {
        Require.present("municipality", municipality);
        Years.require("fromYear", fromYear);
        Years.require("toYear", toYear);
        Years.requireDate("effectiveOn", effectiveOn);
        if (renewalCount < 0) {
            throw new InvalidInput("renewals", "must not be negative in number");
        }
        Require.present("renewalsDigest", renewalsDigest);
        Text.requireIdentifier("annualResetId", annualResetId);
    }

    @TargetAggregateIdentifier
    public String budgetYearId() {
        return new BudgetYearId(municipality, fromYear).toString();
    }
}
