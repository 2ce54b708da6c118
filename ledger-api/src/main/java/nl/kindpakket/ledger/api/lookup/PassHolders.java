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

    /**
     * The same, from what earlier redemptions found where that is all the redemption needs: no round trip at all. The
     * answers then carry what they assume ({@link Recalled}); the redemption's transaction checks it, and a redemption
     * that finds it changed fails with {@link StaleLookups}, having written nothing, to be prepared again by
     * {@link #holderAndRedemption}.
     */
    default HolderAndRecord recalledHolderAndRedemption(String municipality, String passNumber, String redemptionId,
            String providerId, String spendingLine) {
        return holderAndRedemption(municipality, passNumber, redemptionId, providerId, spendingLine);
    }
}
