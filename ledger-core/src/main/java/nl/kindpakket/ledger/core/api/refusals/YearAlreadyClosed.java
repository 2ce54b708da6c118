package nl.kindpakket.ledger.core.api.refusals;

/** A year is closed by one annual reset. */
public class YearAlreadyClosed extends LedgerRefusal {

    public YearAlreadyClosed(String budgetYear) {
        super("year-already-closed", Kind.CONFLICT, "year " + budgetYear + " is already closed by another annual reset");
    }
}
