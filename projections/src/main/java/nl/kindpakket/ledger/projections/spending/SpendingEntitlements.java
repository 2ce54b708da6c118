package nl.kindpakket.ledger.projections.spending;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Which entitlements are active, as far as the spending lines read model is concerned. */
class SpendingEntitlements {

    private final JdbcTemplate jdbc;

    SpendingEntitlements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void granted(String entitlementId) {
        jdbc.update("INSERT INTO spending_entitlement (entitlement_id, active) VALUES (?, TRUE)", entitlementId);
    }

    boolean isActive(String entitlementId) {
        List<Boolean> active = jdbc.queryForList(
                "SELECT active FROM spending_entitlement WHERE entitlement_id = ?", Boolean.class, entitlementId);
        if (active.isEmpty()) {
            throw new IllegalStateException("No grant seen for entitlement " + entitlementId);
        }
        return active.get(0);
    }

    /** Marks it inactive; false when it already was (its credit was released then). */
    boolean deactivate(String entitlementId) {
        boolean wasActive = isActive(entitlementId);
        if (wasActive) {
            jdbc.update("UPDATE spending_entitlement SET active = FALSE WHERE entitlement_id = ?", entitlementId);
        }
        return wasActive;
    }
}
