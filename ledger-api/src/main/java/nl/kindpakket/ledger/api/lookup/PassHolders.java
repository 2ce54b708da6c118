package nl.kindpakket.ledger.api.lookup;

import java.util.Optional;

/** Which entitlement a pass number last belonged to in its year, revoked ones included. */
public interface PassHolders {

    /**
     * @return the entitlement id holding the pass, or the revoked entitlement that held it last, so a
     *     redemption with it is refused for the revocation rather than for an unknown pass
     */
    Optional<String> lastHolderOf(String municipality, String passNumber);
}
