package nl.kindpakket.ledger.core.api.refusals;

/** Business dates lie inside the year they are about. */
public class DateOutsideYear extends LedgerRefusal {

    public DateOutsideYear(String field, Object date, int year) {
        super("date-outside-year", Kind.RULE, field + " " + date + " is outside year " + year);
    }
}
