package nl.kindpakket.ledger.core.api.refusals;

/** The entitlement named does not exist (or belongs to another municipality). */
public class UnknownEntitlement extends LedgerRefusal {

    public UnknownEntitlement(String entitlementId) {
        super("unknown-entitlement", Kind.NOT_FOUND, "no entitlement " + entitlementId);
    }
}
