package nl.kindpakket.ledger.core.api.refusals;

/** A suspended provider cannot redeem. */
public class ProviderSuspended extends LedgerRefusal {

    public ProviderSuspended(String providerId) {
        super("provider-suspended", Kind.RULE, "provider " + providerId + " is suspended");
    }
}
