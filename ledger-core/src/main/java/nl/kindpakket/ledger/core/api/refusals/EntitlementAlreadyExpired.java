package nl.kindpakket.ledger.core.api.refusals;

/** Nothing but reversals after expiry. */
public class EntitlementAlreadyExpired extends LedgerRefusal {

    public EntitlementAlreadyExpired(String entitlementId) {
        super("entitlement-expired", Kind.RULE, "entitlement " + entitlementId + " has expired");
    }
}
