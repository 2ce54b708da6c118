package nl.kindpakket.ledger.projections.table;

import java.util.List;

/**
 * A table a read model owns, by its live name. Its rows are kept in memory while a fold runs and written by a writer
 * that is told the table's physical name, so the same fold can fill the live table or a new one beside it.
 */
public abstract sealed class Table permits RowTable, CounterTable, AppendTable {

    private final String name;
    private final List<String> keyColumns;
    private final List<String> columns;

    Table(String name, List<String> keyColumns, List<String> columns) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a table name is a lower-case SQL name: " + name);
        }
        if (!columns.containsAll(keyColumns) || !columns.subList(0, keyColumns.size()).equals(keyColumns)) {
            throw new IllegalArgumentException(name + ": the key columns come first, in order");
        }
        this.name = name;
        this.keyColumns = List.copyOf(keyColumns);
        this.columns = List.copyOf(columns);
    }

    /** The live name. */
    public String name() {
        return name;
    }

    /** The columns that identify a row, first among {@link #columns()}; none for a log of changes. */
    public List<String> keyColumns() {
        return keyColumns;
    }

    /** Every column a writer fills, in the order of a row's values. */
    public List<String> columns() {
        return columns;
    }

    @Override
    public String toString() {
        return name;
    }

    /** The map key of a row: its single key value itself, or the list of its key values. */
    static Object keyOf(Object[] values, int keyColumns) {
        return keyColumns == 1 ? values[0] : Key.of(java.util.Arrays.copyOf(values, keyColumns));
    }
}
