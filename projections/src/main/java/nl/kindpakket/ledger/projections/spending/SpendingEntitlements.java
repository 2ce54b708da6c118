package nl.kindpakket.ledger.projections.spending;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.kindpakket.ledger.projections.support.BatchAggregates;
import nl.kindpakket.ledger.projections.support.PerBatch;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which entitlements are active, as far as the spending lines read model is concerned, for the entitlements a batch
 * touches: each read once and written back in batched statements before the batch commits.
 */
final class SpendingEntitlements implements PerBatch.State {

    private final JdbcTemplate jdbc;
    private final Map<String, Entitlement> touched = new LinkedHashMap<>();
    private boolean prefetched;

    SpendingEntitlements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void granted(String entitlementId) {
        if (touched.putIfAbsent(entitlementId, new Entitlement(false, true)) != null) {
            throw new IllegalStateException("Entitlement " + entitlementId + " was granted twice");
        }
    }

    boolean isActive(String entitlementId) {
        return get(entitlementId).active;
    }

    /** Marks it inactive; false when it already was (its credit was released then). */
    boolean deactivate(String entitlementId) {
        Entitlement entitlement = get(entitlementId);
        boolean wasActive = entitlement.active;
        entitlement.active = false;
        return wasActive;
    }

    @Override
    public void flush() {
        List<Object[]> granted = new ArrayList<>();
        List<Object[]> ended = new ArrayList<>();
        touched.forEach((id, entitlement) -> {
            if (!entitlement.stored) {
                granted.add(new Object[] {id, entitlement.active});
            } else if (!entitlement.active && entitlement.storedActive) {
                ended.add(new Object[] {id});
            }
        });
        if (!granted.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO spending_entitlement (entitlement_id, active) VALUES (?, ?)", granted);
        }
        if (!ended.isEmpty()) {
            jdbc.batchUpdate("UPDATE spending_entitlement SET active = FALSE WHERE entitlement_id = ?", ended);
        }
        touched.clear();
        prefetched = false;
    }

    /** The entitlement as this batch has it; the first stored one needed reads every entitlement of the batch. */
    private Entitlement get(String entitlementId) {
        Entitlement entitlement = touched.get(entitlementId);
        if (entitlement == null && !prefetched) {
            prefetched = true;
            Set<String> inBatch = new LinkedHashSet<>(BatchAggregates.ofType(BatchAggregates.ENTITLEMENT));
            inBatch.removeAll(touched.keySet());
            BatchAggregates.inChunks(inBatch, this::readAll);
            entitlement = touched.get(entitlementId);
        }
        if (entitlement == null) {
            readAll(List.of(entitlementId));
            entitlement = touched.get(entitlementId);
            if (entitlement == null) {
                throw new IllegalStateException("No grant seen for entitlement " + entitlementId);
            }
        }
        return entitlement;
    }

    private void readAll(List<String> entitlementIds) {
        jdbc.query("SELECT entitlement_id, active FROM spending_entitlement WHERE entitlement_id IN ("
                        + BatchAggregates.marks(entitlementIds.size()) + ")",
                row -> {
                    touched.put(row.getString("entitlement_id"), new Entitlement(true, row.getBoolean("active")));
                }, entitlementIds.toArray());
    }

    private static final class Entitlement {

        private final boolean stored;
        private final boolean storedActive;
        private boolean active;

        private Entitlement(boolean stored, boolean active) {
            this.stored = stored;
            this.storedActive = active;
            this.active = active;
        }
    }
}
