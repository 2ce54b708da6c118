package nl.kindpakket.ledger.core.api.refusals;

/** Nothing but reversals after expiry. */
public class EntitlementExpired extends LedgerRefusal {

    public EntitlementExpired(String entitlementId) {
        super("entitlement-expired", Kind.RULE, "entitlement " + entitlementId + " has expired");
    }
}
