package nl.kindpakket.ledger.projections.monthly;

import nl.kindpakket.ledger.projections.table.RowTable;

/**
 * A row of {@code monthly_entitlement}: the month an entitlement's grant counts from and the month its revocation
 * counts from (null while it stands).
 */
record MonthlyEntitlementRow(String entitlementId, String municipality, int year, int grantMonth, Integer revokeMonth) {

    static final RowTable<MonthlyEntitlementRow> TABLE = RowTable.<MonthlyEntitlementRow>named("monthly_entitlement")
            .key("entitlement_id")
            .columns("municipality", "budget_year", "grant_month", "revoke_month")
            .groupedBy("entitlement_id")
            .values(row -> new Object[] {row.entitlementId, row.municipality, row.year, row.grantMonth, row.revokeMonth})
            .reader(row -> new MonthlyEntitlementRow(row.getString(1), row.getString(2), row.getInt(3), row.getInt(4),
                    row.getObject(5, Integer.class)));

    MonthlyEntitlementRow revokedIn(int month) {
        if (revokeMonth != null) {
            throw new IllegalStateException("Entitlement " + entitlementId + " was already revoked");
        }
        return new MonthlyEntitlementRow(entitlementId, municipality, year, grantMonth, month);
    }
}
