package nl.kindpakket.ledger.core.api.refusals;

/** Nothing but reversals after revocation. */
public class EntitlementRevoked extends LedgerRefusal {

    public EntitlementRevoked(String entitlementId) {
        super("entitlement-revoked", Kind.RULE, "entitlement " + entitlementId + " is revoked");
    }
}
