package nl.kindpakket.ledger.core.entitlement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.refusals.IdempotencyConflict;
import nl.kindpakket.ledger.core.api.refusals.UnknownReservation;

/** The holds of one entitlement by their client-chosen id, in the order they were made; changed only while sourcing. */
final class Holds {

    static final String CAPTURED = "captured";
    static final String RELEASED = "released";
    static final String EXPIRED = "expired";

    private final Map<String, Hold> byId = new LinkedHashMap<>();

    /** A reservation id names one hold of an entitlement, never a second. */
    void requireNew(String reservationId) {
        if (byId.containsKey(reservationId)) {
            throw new IdempotencyConflict(reservationId);
        }
    }

    Optional<Hold> find(String reservationId) {
        return Optional.ofNullable(byId.get(reservationId));
    }

    /** A provider learns nothing of holds another provider made: those are unknown to it. */
    Hold visibleTo(String reservationId, ProviderId actingProvider) {
        Hold hold = byId.get(reservationId);
        if (hold == null || (actingProvider != null && !hold.providerId().equals(actingProvider.value()))) {
            throw new UnknownReservation(reservationId);
        }
        return hold;
    }

    /** What open holds keep on a line. */
    long heldOn(String spendingLine) {
        return byId.values().stream()
                .filter(hold -> hold.isOpen() && hold.spendingLine().equals(spendingLine))
                .mapToLong(Hold::amountCents)
                .sum();
    }

    List<Hold> open() {
        return byId.values().stream().filter(Hold::isOpen).toList();
    }

    void add(Hold hold) {
        byId.put(hold.reservationId(), hold);
    }

    void settle(String reservationId, Hold.Settlement how) {
        byId.computeIfPresent(reservationId, (id, hold) -> hold.settledAs(how));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Holds that && byId.equals(that.byId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(byId);
    }
}
