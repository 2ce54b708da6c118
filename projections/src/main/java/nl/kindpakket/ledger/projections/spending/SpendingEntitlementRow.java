package nl.kindpakket.ledger.projections.spending;

import nl.kindpakket.ledger.projections.table.RowTable;

/** A row of {@code spending_entitlement}: whether an entitlement's open credit still counts as committed. */
record SpendingEntitlementRow(String entitlementId, boolean active) {

    static final RowTable<SpendingEntitlementRow> TABLE = RowTable.<SpendingEntitlementRow>named("spending_entitlement")
            .key("entitlement_id")
            .columns("active")
            .groupedBy("entitlement_id")
            .keyedBy(SpendingEntitlementRow::entitlementId)
            .values(row -> new Object[] {row.entitlementId, row.active})
            .reader(row -> new SpendingEntitlementRow(row.getString(1), row.getBoolean(2)));
}
