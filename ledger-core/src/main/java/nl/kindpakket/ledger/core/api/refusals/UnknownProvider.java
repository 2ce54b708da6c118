package nl.kindpakket.ledger.core.api.refusals;

/** The provider named in the path does not exist. */
public class UnknownProvider extends LedgerRefusal {

    public UnknownProvider(String providerId) {
        super("unknown-provider", Kind.NOT_FOUND, "no provider " + providerId);
    }
}
