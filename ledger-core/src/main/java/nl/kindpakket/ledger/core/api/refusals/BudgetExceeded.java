package nl.kindpakket.ledger.core.api.refusals;

/** Spent plus refunded on a line never passes what was allocated to it; the refusal names what remains, as the report does. */
public class BudgetExceeded extends LedgerRefusal {

    public BudgetExceeded(String spendingLine, long remainingCents, long requestedCents) {
        super("budget-exceeded", Kind.RULE, "line " + spendingLine + " has " + remainingCents + " cents remaining, " + requestedCents + " requested");
    }
}
