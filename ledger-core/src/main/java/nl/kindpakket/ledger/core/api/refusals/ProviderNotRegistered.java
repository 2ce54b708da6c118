package nl.kindpakket.ledger.core.api.refusals;

/** A redemption names a provider that is not registered. */
public class ProviderNotRegistered extends LedgerRefusal {

    public ProviderNotRegistered(String providerId) {
        super("provider-not-registered", Kind.RULE, "provider " + providerId + " is not registered");
    }
}
