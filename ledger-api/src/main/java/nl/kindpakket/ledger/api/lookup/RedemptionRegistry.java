package nl.kindpakket.ledger.api.lookup;

import java.util.Optional;

/**
 * Which entitlement a redemption was recorded on. A reversal names only the redemption, so the HTTP
 * layer asks here which entitlement to send it to; a redemption that reuses a known identifier on a
 * different entitlement is refused here, because each entitlement checks idempotency only for itself.
 * Kept in step with the events, in the same transaction that appends them.
 */
public interface RedemptionRegistry {

    /**
     * @param municipality the municipality slug, such as {@code westland}
     * @param redemptionId the client's identifier of the redemption
     * @return the entitlement id (as written by {@code EntitlementId.toString()}, {@code westland:2019:child-1})
     *         on which the redemption was recorded, or empty when this municipality has no such redemption
     */
    Optional<String> entitlementOf(String municipality, String redemptionId);
}
