package nl.kindpakket.ledger.core.lookup;

/** Which entitlement holds a pass number: one living entitlement at a time. */
public interface PassRegistry {

    /**
     * Takes the pass for this entitlement, in the command's transaction and before its events: true when it was free,
     * is this entitlement's already, or was held by a revoked entitlement; false when another living entitlement holds
     * it. Two commands racing for one pass are decided here: the second waits for the first to commit or roll back.
     */
    boolean claim(String municipality, String passNumber, String entitlementId);
}
