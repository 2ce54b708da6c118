package nl.kindpakket.ledger.core.budget;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import nl.kindpakket.ledger.core.api.refusals.IdempotencyConflict;

/** The identifiers a budget year's records of one kind were made under: each names one record, never a second. */
final class RecordIds {

    private final Set<String> ids = new HashSet<>();

    void requireNew(String id) {
        if (ids.contains(id)) {
            throw new IdempotencyConflict(id);
        }
    }

    void add(String id) {
        ids.add(id);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordIds that && ids.equals(that.ids);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ids);
    }
}
