package nl.kindpakket.ledger.core.lookup;

/** Which entitlement holds a pass number: one living entitlement at a time. */
public interface PassRegistry {

    /**
     * Takes the pass for this entitlement, in the command's transaction and before its events: true when it was free,
     * was taken ahead for this entitlement in the same unit of work (a reset chunk's passes, claimed together), or was
     * held by a revoked entitlement; false when a living entitlement holds it, this entitlement's own earlier (replaced)
     * pass too, which is never made valid again. Two commands racing for one pass are decided here: the second waits
     * for the first to commit or roll back.
     */
    boolean claim(String municipality, String passNumber, String entitlementId);
}
