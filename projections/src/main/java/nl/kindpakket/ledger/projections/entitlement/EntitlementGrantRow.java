package nl.kindpakket.ledger.projections.entitlement;

import nl.kindpakket.ledger.projections.table.AppendTable;

/**
 * A row of {@code entitlement_grant}: what one spending line of an entitlement was granted. Written once, at the
 * grant, so that a low-credit share can be reckoned without every redemption reading it back.
 */
record EntitlementGrantRow(String entitlementId, String spendingLine, long grantedCents) {

    static final AppendTable<EntitlementGrantRow> TABLE = AppendTable.<EntitlementGrantRow>named("entitlement_grant")
            .key("entitlement_id", "spending_line")
            .columns("granted_cents")
            .values(row -> new Object[] {row.entitlementId, row.spendingLine, row.grantedCents});
}
