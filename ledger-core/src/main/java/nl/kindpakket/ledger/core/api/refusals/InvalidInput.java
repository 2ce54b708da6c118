package nl.kindpakket.ledger.core.api.refusals;

/** A field of the request is missing or malformed. */
public class InvalidInput extends LedgerRefusal {

    private final String field;

    public InvalidInput(String field, String problem) {
        super("invalid-input", Kind.INVALID, field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
