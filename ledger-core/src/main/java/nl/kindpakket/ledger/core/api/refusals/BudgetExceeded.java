package nl.kindpakket.ledger.core.api.refusals;

/** Expenditures on a line never exceed what was allocated to it. */
public class BudgetExceeded extends LedgerRefusal {

    public BudgetExceeded(String spendingLine, long availableCents, long requestedCents) {
        super("budget-exceeded", Kind.RULE, "line " + spendingLine + " has " + availableCents + " cents left, " + requestedCents + " requested");
    }
}
