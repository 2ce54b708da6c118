package nl.kindpakket.ledger.projections.spending;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.projections.support.PerBatch;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which entitlements are active, as far as the spending lines read model is concerned, for the entitlements a batch
 * touches: each read once and written back in batched statements before the batch commits.
 */
final class SpendingEntitlements implements PerBatch.State {

    private final JdbcTemplate jdbc;
    private final Map<String, Entitlement> touched = new LinkedHashMap<>();

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
    }

    private Entitlement get(String entitlementId) {
        Entitlement entitlement = touched.get(entitlementId);
        if (entitlement == null) {
            List<Boolean> active = jdbc.queryForList(
                    "SELECT active FROM spending_entitlement WHERE entitlement_id = ?", Boolean.class, entitlementId);
            if (active.isEmpty()) {
                throw new IllegalStateException("No grant seen for entitlement " + entitlementId);
            }
            entitlement = new Entitlement(true, active.get(0));
            touched.put(entitlementId, entitlement);
        }
        return entitlement;
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
