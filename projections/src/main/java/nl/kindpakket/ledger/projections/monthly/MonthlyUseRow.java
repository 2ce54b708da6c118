package nl.kindpakket.ledger.projections.monthly;

import nl.kindpakket.ledger.projections.table.RowTable;

/** A row of {@code monthly_entitlement_use}: an entitlement's redemptions of a month that are not reversed. */
record MonthlyUseRow(String entitlementId, int month, int liveRedemptions) {

    static final RowTable<MonthlyUseRow> TABLE = RowTable.<MonthlyUseRow>named("monthly_entitlement_use")
            .key("entitlement_id", "month_no")
            .columns("live_redemptions")
            .groupedBy("entitlement_id")
            .values(row -> new Object[] {row.entitlementId, row.month, row.liveRedemptions})
            .reader(row -> new MonthlyUseRow(row.getString(1), row.getInt(2), row.getInt(3)));

    /** The entitlement's use of the month after a change of {@code delta} redemptions to {@code before} (maybe null). */
    static MonthlyUseRow after(MonthlyUseRow before, String entitlementId, int month, int delta) {
        int remaining = (before == null ? 0 : before.liveRedemptions) + delta;
        if (remaining < 0) {
            throw new IllegalStateException("A reversal of entitlement " + entitlementId + " has no redemption in month " + month);
        }
        return new MonthlyUseRow(entitlementId, month, remaining);
    }
}
