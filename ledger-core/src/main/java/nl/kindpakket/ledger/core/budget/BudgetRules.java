package nl.kindpakket.ledger.core.budget;

import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.commands.AnnualReset;
import nl.kindpakket.ledger.core.api.refusals.BudgetExceeded;
import nl.kindpakket.ledger.core.api.refusals.DateInFuture;
import nl.kindpakket.ledger.core.api.refusals.DateOutsideYear;
import nl.kindpakket.ledger.core.api.refusals.InvalidAnnualReset;
import nl.kindpakket.ledger.core.api.refusals.RefundExceedsUnderspend;

/** The budget year's rules on dates and amounts, each a named check. */
final class BudgetRules {

    private BudgetRules() {
    }

    static void requireInYear(String field, LocalDate date, int year) {
        if (date.getYear() != year) {
            throw new DateOutsideYear(field, date, year);
        }
    }

    /** Refunds are settled once the year's accounts are in, which is never before it began. */
    static void requireNotBeforeYear(String field, LocalDate date, int year) {
        if (date.getYear() < year) {
            throw new DateOutsideYear(field, date, year);
        }
    }

    static void requireNotInFuture(String field, LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw new DateInFuture(field, date);
        }
    }

    /** Spent plus refunded never passes available: what passes already spent counts as spent. */
    static long expendituresAfter(SpendingLine line, long netRedeemedCents, long amountCents) {
        long remaining = line.remainingCents(netRedeemedCents);
        if (amountCents > remaining) {
            throw new BudgetExceeded(line.code(), remaining, amountCents);
        }
        return line.expendituresCents() + amountCents;
    }

    /** Only what remains can be repaid; refunded money is gone from the line and cannot be spent again. */
    static long refundedAfter(SpendingLine line, long netRedeemedCents, long amountCents) {
        long remaining = line.remainingCents(netRedeemedCents);
        if (amountCents > remaining) {
            throw new RefundExceedsUnderspend(line.code(), remaining, amountCents);
        }
        return line.refundedCents() + amountCents;
    }

    static void requireNextYear(AnnualReset command) {
        if (command.toYear() != command.fromYear() + 1) {
            throw new InvalidAnnualReset("toYear " + command.toYear() + " must follow fromYear " + command.fromYear());
        }
        if (command.effectiveOn().getYear() != command.toYear()) {
            throw new InvalidAnnualReset("effectiveOn " + command.effectiveOn() + " must lie in " + command.toYear());
        }
    }
}
