package nl.kindpakket.ledger.projections.overhead;

import java.math.BigDecimal;

import nl.kindpakket.ledger.projections.table.RowTable;

/**
 * A row of {@code overhead_cost}: an organisation's execution costs of a task in a year, with FTE. {@code ordinal} is
 * the store position of the task's first recording, so the tasks keep the order in which they were first recorded.
 */
record OverheadCostRow(String municipality, int year, String organisation, String task, long amountCents,
                       BigDecimal fte, long ordinal) {

    static final RowTable<OverheadCostRow> TABLE = RowTable.<OverheadCostRow>named("overhead_cost")
            .key("municipality", "budget_year", "organisation", "task")
            .columns("amount_cents", "fte", "ordinal")
            .values(row -> new Object[] {row.municipality, row.year, row.organisation, row.task, row.amountCents,
                    row.fte, row.ordinal})
            .reader(row -> new OverheadCostRow(row.getString(1), row.getInt(2), row.getString(3), row.getString(4),
                    row.getLong(5), row.getBigDecimal(6), row.getLong(7)));

    OverheadCostRow plus(long cents, BigDecimal moreFte) {
        return new OverheadCostRow(municipality, year, organisation, task, amountCents + cents, fte.add(moreFte), ordinal);
    }
}
