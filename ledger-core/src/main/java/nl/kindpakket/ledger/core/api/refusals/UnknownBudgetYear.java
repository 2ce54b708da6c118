package nl.kindpakket.ledger.core.api.refusals;

/** Nothing was ever allocated to this municipality-year. */
public class UnknownBudgetYear extends LedgerRefusal {

    public UnknownBudgetYear(String budgetYear) {
        super("unknown-budget-year", Kind.NOT_FOUND, "no budget allocated for " + budgetYear);
    }
}
