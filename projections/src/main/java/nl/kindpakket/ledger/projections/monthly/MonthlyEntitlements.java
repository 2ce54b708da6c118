package nl.kindpakket.ledger.projections.monthly;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.kindpakket.ledger.projections.support.BatchAggregates;
import nl.kindpakket.ledger.projections.support.PerBatch;
import nl.kindpakket.ledger.projections.support.TouchedEntitlements;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Per-entitlement state of the monthly read model for the entitlements a batch touches: each read once, changed in
 * memory and written back in batched statements before the batch commits. Only the segment of an entitlement
 * touches its rows, so no other batch changes them meanwhile.
 */
final class MonthlyEntitlements implements PerBatch.State {

    private final JdbcTemplate jdbc;
    private final TouchedEntitlements<Entitlement> touched = new TouchedEntitlements<>(this::readAll);

    MonthlyEntitlements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void granted(String entitlementId, String municipality, int year, int grantMonth) {
        Entitlement entitlement = new Entitlement(entitlementId, false, municipality, year, grantMonth, null, 0);
        touched.granted(entitlementId, entitlement);
    }

    int grantMonth(String entitlementId) {
        return get(entitlementId).grantMonth;
    }

    void revoked(String entitlementId, int revokeMonth) {
        Entitlement entitlement = get(entitlementId);
        if (entitlement.revokeMonth != null) {
            throw new IllegalStateException("Entitlement " + entitlementId + " was already revoked");
        }
        entitlement.revokeMonth = revokeMonth;
        entitlement.changed = true;
    }

    /** Adds to the entitlement's redemptions of a month and returns how many remain. */
    int addUse(String entitlementId, int month, int delta) {
        Entitlement entitlement = get(entitlementId);
        int remaining = entitlement.months.getOrDefault(month, 0) + delta;
        requireNotNegative(entitlementId, remaining);
        entitlement.months.put(month, remaining);
        entitlement.changedMonths.add(month);
        return remaining;
    }

    /** Adds to the entitlement's redemptions of its year and returns how many remain. */
    int addYearUse(String entitlementId, int delta) {
        Entitlement entitlement = get(entitlementId);
        int remaining = entitlement.liveRedemptions + delta;
        requireNotNegative(entitlementId, remaining);
        entitlement.liveRedemptions = remaining;
        entitlement.changed = true;
        return remaining;
    }

    @Override
    public void flush() {
        List<Object[]> newRows = new ArrayList<>();
        List<Object[]> changedRows = new ArrayList<>();
        List<Object[]> newMonths = new ArrayList<>();
        List<Object[]> changedMonths = new ArrayList<>();
        touched.forEach((id, e) -> {
            if (!e.stored) {
                newRows.add(new Object[] {e.id, e.municipality, e.year, e.grantMonth, e.revokeMonth, e.liveRedemptions});
            } else if (e.changed) {
                changedRows.add(new Object[] {e.revokeMonth, e.liveRedemptions, e.id});
            }
            for (int month : e.changedMonths) {
                if (e.storedMonths.contains(month)) {
                    changedMonths.add(new Object[] {e.months.get(month), e.id, month});
                } else {
                    newMonths.add(new Object[] {e.id, month, e.months.get(month)});
                }
            }
        });
        PerBatch.batchUpdate(jdbc,
                "INSERT INTO monthly_entitlement (entitlement_id, municipality, budget_year, grant_month, "
                + "revoke_month, live_redemptions) VALUES (?, ?, ?, ?, ?, ?)", newRows);
        PerBatch.batchUpdate(jdbc,
                "UPDATE monthly_entitlement SET revoke_month = ?, live_redemptions = ? WHERE entitlement_id = ?",
                changedRows);
        PerBatch.batchUpdate(jdbc,
                "INSERT INTO monthly_entitlement_use (entitlement_id, month_no, live_redemptions) VALUES (?, ?, ?)",
                newMonths);
        PerBatch.batchUpdate(jdbc,
                "UPDATE monthly_entitlement_use SET live_redemptions = ? WHERE entitlement_id = ? AND month_no = ?",
                changedMonths);
        touched.clear();
    }

    private Entitlement get(String entitlementId) {
        return touched.get(entitlementId);
    }

    /** Reads the stored ones among these entitlements, with their months, into the batch. */
    private void readAll(List<String> entitlementIds) {
        String in = " WHERE entitlement_id IN (" + BatchAggregates.marks(entitlementIds.size()) + ")";
        Object[] ids = entitlementIds.toArray();
        jdbc.query("SELECT entitlement_id, municipality, budget_year, grant_month, revoke_month, live_redemptions "
                + "FROM monthly_entitlement" + in, row -> {
                    String id = row.getString("entitlement_id");
                    touched.put(id, new Entitlement(id, true, row.getString("municipality"), row.getInt("budget_year"),
                            row.getInt("grant_month"), row.getObject("revoke_month", Integer.class),
                            row.getInt("live_redemptions")));
                }, ids);
        jdbc.query("SELECT entitlement_id, month_no, live_redemptions FROM monthly_entitlement_use" + in, row -> {
            Entitlement entitlement = touched.read(row.getString("entitlement_id"));
            entitlement.months.put(row.getInt("month_no"), row.getInt("live_redemptions"));
            entitlement.storedMonths.add(row.getInt("month_no"));
        }, ids);
    }

    private static void requireNotNegative(String entitlementId, int remaining) {
        if (remaining < 0) {
            throw new IllegalStateException("A reversal of entitlement " + entitlementId + " has no redemption");
        }
    }

    private static final class Entitlement {

        private final String id;
        private final boolean stored;
        private final String municipality;
        private final int year;
        private final int grantMonth;
        private final Map<Integer, Integer> months = new LinkedHashMap<>();
        private final Set<Integer> storedMonths = new HashSet<>();
        private final Set<Integer> changedMonths = new HashSet<>();
        private Integer revokeMonth;
        private int liveRedemptions;
        private boolean changed;

        private Entitlement(String id, boolean stored, String municipality, int year, int grantMonth,
                            Integer revokeMonth, int liveRedemptions) {
            this.id = id;
            this.stored = stored;
            this.municipality = municipality;
            this.year = year;
            this.grantMonth = grantMonth;
            this.revokeMonth = revokeMonth;
            this.liveRedemptions = liveRedemptions;
        }
    }
}
