package nl.kindpakket.ledger.core.budget;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import nl.kindpakket.ledger.core.api.Receipt;
import nl.kindpakket.ledger.core.api.refusals.IdempotencyConflict;

/** Requests by their client-chosen id, with the figure each one left, so that a retry gets the first answer. */
final class ClientRequests {

    private record Answered(Object request, long afterCents) {
    }

    private final Map<String, Answered> byId = new HashMap<>();

    /** Empty for a new id; the first answer for a repeat; refused for the same id with other content. */
    Optional<Receipt> repeatOf(String id, Object request) {
        Answered earlier = byId.get(id);
        if (earlier == null) {
            return Optional.empty();
        }
        if (!earlier.request().equals(request)) {
            throw new IdempotencyConflict(id);
        }
        return Optional.of(Receipt.repeat(earlier.afterCents()));
    }

    void remember(String id, Object request, long afterCents) {
        byId.put(id, new Answered(request, afterCents));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientRequests that && byId.equals(that.byId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(byId);
    }
}
