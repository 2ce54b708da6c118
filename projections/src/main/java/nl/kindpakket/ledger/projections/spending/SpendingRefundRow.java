package nl.kindpakket.ledger.projections.spending;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import nl.kindpakket.ledger.projections.table.AppendTable;

/** A row of {@code spending_refund}: an underspend repaid, the budget it went back to, when it was recorded. */
record SpendingRefundRow(String municipality, int year, String refundId, String organisation, String code,
                         long amountCents, LocalDate refundedOn, String returnedTo, OffsetDateTime recordedAt) {

    static final AppendTable<SpendingRefundRow> TABLE = AppendTable.<SpendingRefundRow>named("spending_refund")
            .key("municipality", "budget_year", "refund_id")
            .columns("organisation", "code", "amount_cents", "refunded_on", "returned_to", "recorded_at")
            .values(row -> new Object[] {row.municipality, row.year, row.refundId, row.organisation, row.code,
                    row.amountCents, row.refundedOn, row.returnedTo, row.recordedAt});
}
