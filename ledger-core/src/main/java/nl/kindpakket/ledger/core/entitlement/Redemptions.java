package nl.kindpakket.ledger.core.entitlement;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.refusals.IdempotencyConflict;
import nl.kindpakket.ledger.core.api.refusals.UnknownRedemption;

/** The redemptions of one entitlement by their client-chosen id; changed only while sourcing events. */
final class Redemptions {

    private final Map<String, Redemption> byId = new HashMap<>();

    /** A redemption id names one redemption, whether made at the till or by a capture, never a second. */
    void requireNew(String redemptionId) {
        if (byId.containsKey(redemptionId)) {
            throw new IdempotencyConflict(redemptionId);
        }
    }

    Optional<Redemption> find(String redemptionId) {
        return Optional.ofNullable(byId.get(redemptionId));
    }

    /** A provider learns nothing of redemptions made at another provider: those are unknown to it. */
    Redemption visibleTo(String redemptionId, ProviderId actingProvider) {
        Redemption redemption = byId.get(redemptionId);
        if (redemption == null
                || (actingProvider != null && !redemption.providerId().equals(actingProvider.value()))) {
            throw new UnknownRedemption(redemptionId);
        }
        return redemption;
    }

    void add(Redemption redemption) {
        byId.put(redemption.redemptionId(), redemption);
    }

    void reverse(String redemptionId) {
        byId.computeIfPresent(redemptionId, (id, redemption) -> redemption.asReversed());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Redemptions that && byId.equals(that.byId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(byId);
    }
}
