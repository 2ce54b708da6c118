package nl.kindpakket.ledger.projections.entitlement;

import java.time.LocalDate;

import nl.kindpakket.ledger.projections.support.Vocabulary;
import nl.kindpakket.ledger.projections.table.RowTable;

/**
 * A row of {@code entitlement_view}: a child's entitlement with its pass and status. Its credit is in its rows of
 * {@code entitlement_credit}.
 *
 * @param eventsSeen how many of the entitlement's events the view had taken in when it last wrote this row: with its
 *                   credit rows' own count, where its history ends
 */
record EntitlementViewRow(String entitlementId, String municipality, int year, String childRef, String passNumber,
                          String status, LocalDate grantedOn, int eventsSeen) {

    static final RowTable<EntitlementViewRow> TABLE = RowTable.<EntitlementViewRow>named("entitlement_view")
            .key("entitlement_id")
            .columns("municipality", "budget_year", "child_ref", "pass_number", "status", "granted_on", "events_seen")
            .groupedBy("entitlement_id")
            .keyedBy(EntitlementViewRow::entitlementId)
            .values(row -> new Object[] {row.entitlementId, row.municipality, row.year, row.childRef, row.passNumber,
                    row.status, row.grantedOn, row.eventsSeen})
            .reader(row -> new EntitlementViewRow(row.getString(1), row.getString(2), row.getInt(3), row.getString(4),
                    row.getString(5), row.getString(6), row.getObject(7, LocalDate.class), row.getInt(8)));

    EntitlementViewRow {
        municipality = Vocabulary.of(municipality);
        status = Vocabulary.of(status);
    }

    EntitlementViewRow withPass(String newPassNumber, int seen) {
        return new EntitlementViewRow(entitlementId, municipality, year, childRef, newPassNumber, status, grantedOn,
                seen);
    }

    EntitlementViewRow withStatus(EntitlementStatus newStatus, int seen) {
        return new EntitlementViewRow(entitlementId, municipality, year, childRef, passNumber, newStatus.name(),
                grantedOn, seen);
    }
}
