package nl.kindpakket.ledger.api.lookup;

import java.util.Optional;

/** Which entitlement a redemption belongs to; a redemption id is unique within its municipality. */
public interface RedemptionRegistry {

    /**
     * @return the entitlement id (as {@code municipality:year:childRef}) the redemption was made on,
     *     or empty when the municipality has no redemption with this id
     */
    Optional<String> entitlementOf(String municipality, String redemptionId);
}
