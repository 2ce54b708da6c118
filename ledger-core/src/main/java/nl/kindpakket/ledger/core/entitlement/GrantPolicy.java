package nl.kindpakket.ledger.core.entitlement;

import nl.kindpakket.ledger.core.api.EntitlementId;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.GrantEntitlement;
import nl.kindpakket.ledger.core.api.refusals.UnknownSpendingLine;
import nl.kindpakket.ledger.core.api.refusals.YearAlreadyClosed;
import nl.kindpakket.ledger.core.lookup.BudgetYearLookup;
import nl.kindpakket.ledger.core.lookup.PassRegistry;

/** The rules a new grant meets: an open year, existing lines, a date in the year and a free pass. */
final class GrantPolicy {

    private GrantPolicy() {
    }

    static void check(GrantEntitlement command, BudgetYearLookup budgetYears, PassRegistry passes) {
        EntitlementId id = command.entitlement();
        String municipality = id.municipality().slug();
        requireYearOpen(budgetYears, municipality, id.year());
        for (SpendingLineCode line : command.credits().keySet()) {
            if (!budgetYears.lineExists(municipality, id.year(), line.value())) {
                throw new UnknownSpendingLine(line.value());
            }
        }
        BusinessDates.requireInYear("grantedOn", command.grantedOn(), id.year());
        BusinessDates.requireNotAfter("grantedOn", command.grantedOn(), command.today());
        PassPolicy.claim(passes, municipality, command.passNumber().value(), id.toString());
    }

    static void requireYearOpen(BudgetYearLookup budgetYears, String municipality, int year) {
        if (budgetYears.isClosed(municipality, year)) {
            throw new YearAlreadyClosed(municipality + ":" + year);
        }
    }
}
