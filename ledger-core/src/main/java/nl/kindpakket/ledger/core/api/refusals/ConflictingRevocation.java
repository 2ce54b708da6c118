package nl.kindpakket.ledger.core.api.refusals;

/** An entitlement is revoked once. */
public class ConflictingRevocation extends LedgerRefusal {

    public ConflictingRevocation(String entitlementId) {
        super("already-revoked", Kind.CONFLICT, "entitlement " + entitlementId + " is already revoked");
    }
}
