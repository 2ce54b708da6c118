package nl.kindpakket.ledger.core.api.refusals;

/** A year is closed by one annual reset. */
public class YearClosedByAnotherReset extends LedgerRefusal {

    public YearClosedByAnotherReset(String budgetYear) {
        super("year-already-closed", Kind.CONFLICT, "year " + budgetYear + " is already closed by another annual reset");
    }
}
