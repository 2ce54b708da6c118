package nl.kindpakket.ledger.projections.overhead;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import nl.kindpakket.ledger.projections.table.AppendTable;

/** A row of {@code overhead_cost_log}: one recorded cost, for the report as of an earlier moment. */
record OverheadCostLogRow(String municipality, int year, String organisation, String task, long amountCents,
                          BigDecimal fte, OffsetDateTime recordedAt) {

    static final AppendTable<OverheadCostLogRow> TABLE = AppendTable.<OverheadCostLogRow>named("overhead_cost_log")
            .columns("municipality", "budget_year", "organisation", "task", "amount_cents", "fte", "recorded_at")
            .values(row -> new Object[] {row.municipality, row.year, row.organisation, row.task, row.amountCents,
                    row.fte, row.recordedAt});
}
