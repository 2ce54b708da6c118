package nl.kindpakket.ledger.core.api.refusals;

/** A child can hold one entitlement per year. */
public class DuplicateGrant extends LedgerRefusal {

    public DuplicateGrant(String entitlementId) {
        super("duplicate-grant", Kind.CONFLICT, "the child already has an entitlement for this year: " + entitlementId);
    }
}
