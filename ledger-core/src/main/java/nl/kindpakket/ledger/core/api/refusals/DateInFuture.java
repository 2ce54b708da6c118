package nl.kindpakket.ledger.core.api.refusals;

/** Business dates are not in the future (beyond a few minutes of clock skew). */
public class DateInFuture extends LedgerRefusal {

    public DateInFuture(String field, Object date) {
        super("date-in-future", Kind.RULE, field + " " + date + " lies in the future");
    }
}
