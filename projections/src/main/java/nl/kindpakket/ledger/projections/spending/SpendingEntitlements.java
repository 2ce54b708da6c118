package nl.kindpakket.ledger.projections.spending;

import java.util.ArrayList;
import java.util.List;

import nl.kindpakket.ledger.projections.support.BatchAggregates;
import nl.kindpakket.ledger.projections.support.PerBatch;
import nl.kindpakket.ledger.projections.support.TouchedEntitlements;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which entitlements are active, as far as the spending lines read model is concerned, for the entitlements a batch
 * touches: each read once and written back in batched statements before the batch commits.
 */
final class SpendingEntitlements implements PerBatch.State {

    private final JdbcTemplate jdbc;
    private final TouchedEntitlements<Entitlement> touched = new TouchedEntitlements<>(this::readAll);

    SpendingEntitlements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void granted(String entitlementId) {
        touched.granted(entitlementId, new Entitlement(false, true));
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
        PerBatch.batchUpdate(jdbc, "INSERT INTO spending_entitlement (entitlement_id, active) VALUES (?, ?)", granted);
        PerBatch.batchUpdate(jdbc, "UPDATE spending_entitlement SET active = FALSE WHERE entitlement_id = ?", ended);
        touched.clear();
    }

    private Entitlement get(String entitlementId) {
        return touched.get(entitlementId);
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
