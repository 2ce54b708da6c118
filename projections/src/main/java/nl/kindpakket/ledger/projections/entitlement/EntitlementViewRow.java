package nl.kindpakket.ledger.projections.entitlement;

import java.time.LocalDate;

import nl.kindpakket.ledger.projections.support.Vocabulary;
import nl.kindpakket.ledger.projections.table.RowTable;

/**
 * A row of {@code entitlement_view}: a child's entitlement with its pass and status. Its credit is in its rows of
 * {@code entitlement_credit}, its events in {@code entitlement_history}.
 */
record EntitlementViewRow(String entitlementId, String municipality, int year, String childRef, String passNumber,
                          String status, LocalDate grantedOn) {

    static final RowTable<EntitlementViewRow> TABLE = RowTable.<EntitlementViewRow>named("entitlement_view")
            .key("entitlement_id")
            .columns("municipality", "budget_year", "child_ref", "pass_number", "status", "granted_on")
            .groupedBy("entitlement_id")
            .keyedBy(EntitlementViewRow::entitlementId)
            .values(row -> new Object[] {row.entitlementId, row.municipality, row.year, row.childRef, row.passNumber,
                    row.status, row.grantedOn})
            .reader(row -> new EntitlementViewRow(row.getString(1), row.getString(2), row.getInt(3), row.getString(4),
                    row.getString(5), row.getString(6), row.getObject(7, LocalDate.class)));

    EntitlementViewRow {
        municipality = Vocabulary.of(municipality);
        status = Vocabulary.of(status);
    }

    EntitlementViewRow withPass(String newPassNumber) {
        return new EntitlementViewRow(entitlementId, municipality, year, childRef, newPassNumber, status, grantedOn);
    }

    EntitlementViewRow withStatus(EntitlementStatus newStatus) {
        return new EntitlementViewRow(entitlementId, municipality, year, childRef, passNumber, newStatus.name(),
                grantedOn);
    }
}
