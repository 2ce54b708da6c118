package nl.kindpakket.ledger.api.lookup;

/** Which entitlement a pass number last belonged to in its year, revoked ones included. */
public interface PassHolders {

    /**
     * The pass's last holder and the entitlement a redemption id was recorded on, with the redemption's rules'
     * questions of the lookup tables (is the year closed, does the provider accept the line) answered, all in one
     * round trip: the fewer the round trips, the more redemptions the school-start rush gets through.
     */
    HolderAndRecord holderAndRedemption(String municipality, String passNumber, String redemptionId, String providerId,
            String spendingLine);
}
