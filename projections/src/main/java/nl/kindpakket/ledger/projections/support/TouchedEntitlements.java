package nl.kindpakket.ledger.projections.support;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The entitlements a batch touches, as a read model with per-entitlement rows holds them over the batch. The first
 * time the batch needs an entitlement it has not seen, the rows of every entitlement with an event in the batch
 * are read at once (IN lists of {@link BatchAggregates#CHUNK}); one that is still missing is read on its own.
 *
 * @param <E> the read model's in-memory form of an entitlement's rows
 */
public final class TouchedEntitlements<E> {

    private final Map<String, E> touched = new LinkedHashMap<>();
    private final Consumer<List<String>> read;
    private boolean prefetched;

    /** {@code read} reads the stored ones among the identifiers it is given and {@link #put}s them here. */
    public TouchedEntitlements(Consumer<List<String>> read) {
        this.read = read;
    }

    /** A newly granted entitlement, which has no rows yet. */
    public void granted(String entitlementId, E entitlement) {
        if (touched.putIfAbsent(entitlementId, entitlement) != null) {
            throw new IllegalStateException("Entitlement " + entitlementId + " was granted twice");
        }
    }

    /** The entitlement as this batch has it. */
    public E get(String entitlementId) {
        E entitlement = touched.get(entitlementId);
        if (entitlement == null && !prefetched) {
            prefetched = true;
            Set<String> inBatch = new LinkedHashSet<>(BatchAggregates.ofType(BatchAggregates.ENTITLEMENT));
            inBatch.removeAll(touched.keySet());
            BatchAggregates.inChunks(inBatch, read);
            entitlement = touched.get(entitlementId);
        }
        if (entitlement == null) {
            read.accept(List.of(entitlementId));
            entitlement = touched.get(entitlementId);
            if (entitlement == null) {
                throw new IllegalStateException("No grant seen for entitlement " + entitlementId);
            }
        }
        return entitlement;
    }

    /** For the reader: an entitlement read from its rows. */
    public void put(String entitlementId, E entitlement) {
        touched.put(entitlementId, entitlement);
    }

    /** For the reader: one it has just put, to add the rows of another table to it. */
    public E read(String entitlementId) {
        return touched.get(entitlementId);
    }

    public void forEach(BiConsumer<String, E> action) {
        touched.forEach(action);
    }

    /** Forgets the batch, once its rows are written. */
    public void clear() {
        touched.clear();
        prefetched = false;
    }
}
