package nl.kindpakket.ledger.core.api.refusals;

/** No BSN enters the ledger: a value that looks like one (nine digits passing the eleven-test) is refused. */
public class BsnLikeValue extends LedgerRefusal {

    private final String field;

    public BsnLikeValue(String field) {
        super("bsn-like-value", Kind.INVALID, field + " looks like a BSN; use a pseudonymous reference");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
