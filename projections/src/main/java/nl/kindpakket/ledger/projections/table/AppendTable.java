package nl.kindpakket.ledger.projections.table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Rows that a fold only adds, never reads back: an entitlement's history, a refund, a log of changes. A row is a
 * record of the read model (or an array of values for a counter's log); {@code values} gives its columns in order.
 *
 * @param <R> the row type
 */
public final class AppendTable<R> extends Table {

    private final Function<R, Object[]> values;

    private AppendTable(String name, List<String> keyColumns, List<String> columns, Function<R, Object[]> values) {
        super(name, keyColumns, columns);
        this.values = values;
    }

    public static <R> Builder<R> named(String name) {
        return new Builder<>(name);
    }

    public Object[] values(R row) {
        Object[] columns = values.apply(row);
        if (columns.length != columns().size()) {
            throw new IllegalStateException(name() + " has " + columns().size() + " columns, a row gave " + columns.length);
        }
        return columns;
    }

    public static final class Builder<R> {

        private final String name;
        private List<String> keyColumns = List.of();
        private final List<String> columns = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** The primary key, if the table has one: a reconciliation names a differing row by it. */
        public Builder<R> key(String... keyColumns) {
            this.keyColumns = List.of(keyColumns);
            this.columns.addAll(0, this.keyColumns);
            return this;
        }

        public Builder<R> columns(String... columns) {
            this.columns.addAll(List.of(columns));
            return this;
        }

        public Builder<R> columns(List<String> columns) {
            this.columns.addAll(columns);
            return this;
        }

        public AppendTable<R> values(Function<R, Object[]> values) {
            return new AppendTable<>(name, keyColumns, columns, values);
        }
    }
}
