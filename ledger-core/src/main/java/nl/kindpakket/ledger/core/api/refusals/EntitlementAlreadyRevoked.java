package nl.kindpakket.ledger.core.api.refusals;

/** Nothing but reversals after revocation. */
public class EntitlementAlreadyRevoked extends LedgerRefusal {

    public EntitlementAlreadyRevoked(String entitlementId) {
        super("entitlement-revoked", Kind.RULE, "entitlement " + entitlementId + " is revoked");
    }
}
