package nl.kindpakket.ledger.core.lookup;

/** What the entitlement side must know of budget years: which lines exist and whether a year is closed. */
public interface BudgetYearLookup {

    boolean lineExists(String municipality, int year, String spendingLine);

    /** Whether any budget year of the municipality has a line of this code: providers accept codes, not years. */
    boolean lineCodeExists(String municipality, String spendingLine);

    boolean isClosed(String municipality, int year);
}
