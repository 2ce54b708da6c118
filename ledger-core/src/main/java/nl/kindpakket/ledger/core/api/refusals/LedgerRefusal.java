package nl.kindpakket.ledger.core.api.refusals;

/**
 * A command the ledger refuses, loudly and with a reason. Each subclass is one rule; its
 * {@link #type()} is the stable problem type that clients match on.
 */
public abstract class LedgerRefusal extends RuntimeException {

    private final String type;
    private final Kind kind;

    protected LedgerRefusal(String type, Kind kind, String detail) {
        super(detail, null, false, false);
        this.type = type;
        this.kind = kind;
    }

    public String type() {
        return type;
    }

    public Kind kind() {
        return kind;
    }

    /** How a refusal relates to the request: the HTTP layer maps each kind to one status. */
    public enum Kind {
        /** the request itself is malformed (400) */
        INVALID,
        /** it names something that does not exist for the caller (404) */
        NOT_FOUND,
        /** it conflicts with the ledger's state (409) */
        CONFLICT,
        /** a rule of the domain refuses it (422) */
        RULE
    }
}
