package nl.kindpakket.ledger.core.budget;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.commands.AnnualReset;
import nl.kindpakket.ledger.core.api.commands.CompleteAnnualReset;
import nl.kindpakket.ledger.core.api.events.AnnualResetStarted;
import nl.kindpakket.ledger.core.api.refusals.InvalidAnnualReset;
import nl.kindpakket.ledger.core.api.refusals.YearClosedByAnotherReset;

/** The annual reset that closed a budget year, and whether its job has finished. */
record Closure(String annualResetId, int toYear, LocalDate effectiveOn, int renewalCount, String renewalsDigest,
               boolean completed) {

    static Closure of(AnnualResetStarted event) {
        return new Closure(event.annualResetId(), event.toYear(), event.effectiveOn(), event.renewalCount(),
                event.renewalsDigest(), false);
    }

    Closure complete() {
        return new Closure(annualResetId, toYear, effectiveOn, renewalCount, renewalsDigest, true);
    }

    /** The reset that closed the year, sent again with the same renewals, is a repeat; anything else is refused. */
    Receipt answerRepeatedReset(AnnualReset command, String budgetYearId) {
        boolean same = annualResetId.equals(command.annualResetId())
                && toYear == command.toYear()
                && effectiveOn.equals(command.effectiveOn())
                && renewalCount == command.renewalCount()
                && renewalsDigest.equals(command.renewalsDigest());
        if (!same) {
            throw new YearClosedByAnotherReset(budgetYearId);
        }
        return Receipt.repeat();
    }

    static void requireStartedBy(Closure closure, CompleteAnnualReset command) {
        if (closure == null || !closure.annualResetId().equals(command.annualResetId())) {
            throw new InvalidAnnualReset("no annual reset " + command.annualResetId() + " closed "
                    + command.budgetYearId());
        }
    }
}
