package nl.kindpakket.ledger.core.api.refusals;

/** No grants or redemptions in a closed year. */
public class YearAlreadyClosed extends LedgerRefusal {

    public YearAlreadyClosed(String budgetYear) {
        super("year-closed", Kind.RULE, "year " + budgetYear + " is closed");
    }
}
