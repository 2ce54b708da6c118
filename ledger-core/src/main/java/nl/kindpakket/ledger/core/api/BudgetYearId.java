package nl.kindpakket.ledger.core.api;

/** A municipality's budget year, for example {@code westland:2019}. */
public record BudgetYearId(Municipality municipality, int year) {

    public BudgetYearId {
        Years.require("year", year);
    }

    @Override
    public String toString() {
        return municipality.slug() + ":" + year;
    }
}
