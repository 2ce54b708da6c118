package nl.kindpakket.ledger.projections.monthly;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Per-entitlement state of the monthly read model; only the segment of that entitlement touches its rows. */
class MonthlyEntitlements {

    private final JdbcTemplate jdbc;

    MonthlyEntitlements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void granted(String entitlementId, String municipality, int year, int grantMonth) {
        jdbc.update("INSERT INTO monthly_entitlement (entitlement_id, municipality, budget_year, grant_month) "
                + "VALUES (?, ?, ?, ?)", entitlementId, municipality, year, grantMonth);
    }

    int grantMonth(String entitlementId) {
        List<Integer> months = jdbc.queryForList(
                "SELECT grant_month FROM monthly_entitlement WHERE entitlement_id = ?", Integer.class, entitlementId);
        if (months.isEmpty()) {
            throw new IllegalStateException("No grant seen for entitlement " + entitlementId);
        }
        return months.get(0);
    }

    void revoked(String entitlementId, int revokeMonth) {
        int updated = jdbc.update("UPDATE monthly_entitlement SET revoke_month = ? "
                + "WHERE entitlement_id = ? AND revoke_month IS NULL", revokeMonth, entitlementId);
        if (updated != 1) {
            throw new IllegalStateException("Entitlement " + entitlementId + " was already revoked");
        }
    }

    /** Adds to the entitlement's redemptions of a month and returns how many remain. */
    int addUse(String entitlementId, int month, int delta) {
        int updated = jdbc.update("UPDATE monthly_entitlement_use SET live_redemptions = live_redemptions + ? "
                + "WHERE entitlement_id = ? AND month_no = ?", delta, entitlementId, month);
        if (updated == 0) {
            requirePositive(entitlementId, delta);
            jdbc.update("INSERT INTO monthly_entitlement_use (entitlement_id, month_no, live_redemptions) "
                    + "VALUES (?, ?, ?)", entitlementId, month, delta);
            return delta;
        }
        return remaining("SELECT live_redemptions FROM monthly_entitlement_use WHERE entitlement_id = ? AND month_no = ?",
                entitlementId, entitlementId, month);
    }

    /** Adds to the entitlement's redemptions of its year and returns how many remain. */
    int addYearUse(String entitlementId, int delta) {
        int updated = jdbc.update("UPDATE monthly_entitlement SET live_redemptions = live_redemptions + ? "
                + "WHERE entitlement_id = ?", delta, entitlementId);
        if (updated == 0) {
            throw new IllegalStateException("No grant seen for entitlement " + entitlementId);
        }
        return remaining("SELECT live_redemptions FROM monthly_entitlement WHERE entitlement_id = ?",
                entitlementId, entitlementId);
    }

    private int remaining(String sql, String entitlementId, Object... key) {
        int remaining = jdbc.queryForObject(sql, Integer.class, key);
        if (remaining < 0) {
            throw new IllegalStateException("A reversal of entitlement " + entitlementId + " has no redemption");
        }
        return remaining;
    }

    private static void requirePositive(String entitlementId, int delta) {
        if (delta < 0) {
            throw new IllegalStateException("A reversal of entitlement " + entitlementId + " has no redemption");
        }
    }
}
