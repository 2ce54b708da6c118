package nl.kindpakket.ledger.core.budget;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.commands.AnnualReset;
import nl.kindpakket.ledger.core.api.events.AnnualResetStarted;

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

    boolean isSameResetAs(AnnualReset command) {
        return annualResetId.equals(command.annualResetId())
                && toYear == command.toYear()
                && effectiveOn.equals(command.effectiveOn())
                && renewalCount == command.renewalCount()
                && renewalsDigest.equals(command.renewalsDigest());
    }
}
