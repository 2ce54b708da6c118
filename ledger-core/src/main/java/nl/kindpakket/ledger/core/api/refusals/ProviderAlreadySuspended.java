package nl.kindpakket.ledger.core.api.refusals;

/** A suspended provider cannot redeem. */
public class ProviderAlreadySuspended extends LedgerRefusal {

    public ProviderAlreadySuspended(String providerId) {
        super("provider-suspended", Kind.RULE, "provider " + providerId + " is suspended");
    }
}
