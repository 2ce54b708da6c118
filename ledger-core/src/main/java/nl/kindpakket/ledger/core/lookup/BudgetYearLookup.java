package nl.kindpakket.ledger.core.lookup;

/** What the entitlement side must know of budget years: which lines exist and whether a year is closed. */
public interface BudgetYearLookup {

    boolean lineExists(String municipality, int year, String spendingLine);

    boolean isClosed(String municipality, int year);
}
