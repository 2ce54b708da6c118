package nl.kindpakket.ledger.api.lookup;

import java.util.Optional;

/** Which entitlement a pass number last belonged to in its year, revoked ones included. */
public interface PassHolders {

    /**
     * The pass's last holder and the entitlement a redemption id was recorded on, read together: a redemption
     * needs both, and one round trip to the database instead of two is felt at the school-start rush.
     */
    HolderAndRedemption holderAndRedemption(String municipality, String passNumber, String redemptionId);

    /**
     * @param holder     the entitlement id holding the pass, or the revoked entitlement that held it last, so a
     *                   redemption with it is refused for the revocation rather than for an unknown pass
     * @param recordedOn the entitlement the redemption id is recorded on, when it is known
     */
    record HolderAndRedemption(Optional<String> holder, Optional<String> recordedOn) {
    }
}
