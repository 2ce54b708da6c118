package nl.kindpakket.ledger.core.api;

/** A provider's identifier within its municipality. */
public record ProviderId(String value) {

    public ProviderId {
        Text.requireIdentifier("providerId", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
