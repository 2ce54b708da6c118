package nl.kindpakket.ledger.projections.spending;

import nl.kindpakket.ledger.projections.table.RowTable;

/** A row of {@code spending_line}: a line of a municipality's year and its name. */
record SpendingLineRow(String municipality, int year, String code, String name) {

    static final RowTable<SpendingLineRow> TABLE = RowTable.<SpendingLineRow>named("spending_line")
            .key("municipality", "budget_year", "code")
            .columns("name")
            .values(row -> new Object[] {row.municipality, row.year, row.code, row.name})
            .reader(row -> new SpendingLineRow(row.getString(1), row.getInt(2), row.getString(3), row.getString(4)));
}
