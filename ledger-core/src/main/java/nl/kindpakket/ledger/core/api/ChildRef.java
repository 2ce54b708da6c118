package nl.kindpakket.ledger.core.api;

/** The pseudonymous reference a municipality gives a child; never a name or a BSN. */
public record ChildRef(String value) {

    public ChildRef {
        Text.requireIdentifier("childRef", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
