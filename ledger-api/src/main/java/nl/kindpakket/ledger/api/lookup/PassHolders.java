package nl.kindpakket.ledger.api.lookup;

/** Which entitlement a pass number last belonged to in its year, revoked ones included. */
public interface PassHolders {

    /**
     * The pass's last holder and the entitlement a redemption id was recorded on, read together: a redemption
     * needs both, and one round trip to the database instead of two is felt at the school-start rush.
     */
    HolderAndRecord holderAndRedemption(String municipality, String passNumber, String redemptionId);
}
