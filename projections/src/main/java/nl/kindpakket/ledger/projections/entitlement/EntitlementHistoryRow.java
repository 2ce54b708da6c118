package nl.kindpakket.ledger.projections.entitlement;

import java.time.LocalDate;

import nl.kindpakket.ledger.projections.table.AppendTable;

/** A row of {@code entitlement_history}: one event of an entitlement, numbered in the order they were recorded. */
record EntitlementHistoryRow(String entitlementId, int sequenceNo, String eventType, LocalDate businessDate,
                             String spendingLine, Long amountCents, Long balanceAfterCents, String redemptionId,
                             String providerId, String note, String reservationId) {

    static final AppendTable<EntitlementHistoryRow> TABLE = AppendTable.<EntitlementHistoryRow>named("entitlement_history")
            .key("entitlement_id", "sequence_no")
            .columns("event_type", "business_date", "spending_line", "amount_cents", "balance_after_cents",
                    "redemption_id", "provider_id", "note", "reservation_id")
            .values(row -> new Object[] {row.entitlementId, row.sequenceNo, row.eventType, row.businessDate,
                    row.spendingLine, row.amountCents, row.balanceAfterCents, row.redemptionId, row.providerId,
                    row.note, row.reservationId});
}
