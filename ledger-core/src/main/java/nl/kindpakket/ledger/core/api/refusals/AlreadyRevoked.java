package nl.kindpakket.ledger.core.api.refusals;

/** An entitlement is revoked once. */
public class AlreadyRevoked extends LedgerRefusal {

    public AlreadyRevoked(String entitlementId) {
        super("already-revoked", Kind.CONFLICT, "entitlement " + entitlementId + " is already revoked");
    }
}
