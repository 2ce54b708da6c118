package nl.kindpakket.ledger.projections.table;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Rows that a fold reads, changes and writes back whole: the state of one entitlement, a provider's name. A row is
 * a record of the read model; {@code values} gives its columns in order (key first), {@code reader} makes it again
 * from a result set whose columns are in that order.
 *
 * <p>Rows of a table {@linkplain Builder#groupedBy(String) grouped by entitlement} are read, in live processing, for
 * all entitlements of a batch at once; other rows are read one key at a time, the first time a batch needs them.
 *
 * @param <R> the row type
 */
public final class RowTable<R> extends Table {

    /** Makes a row from the current row of a result set. */
    @FunctionalInterface
    public interface Reader<R> {
        R read(ResultSet row) throws SQLException;
    }

    private final Function<R, Object[]> values;
    private final Function<R, Object> keyedBy;
    private final Reader<R> reader;
    private final String groupColumn;
    private final List<String> writtenOnce;

    private RowTable(Builder<R> builder) {
        super(builder.name, builder.keyColumns, builder.columns);
        this.values = builder.values;
        this.writtenOnce = List.copyOf(builder.writtenOnce);
        if (!columns().containsAll(writtenOnce) || writtenOnce.stream().anyMatch(keyColumns()::contains)) {
            throw new IllegalArgumentException(name() + ": only columns outside the key are written once, not "
                    + writtenOnce);
        }
        this.keyedBy = builder.keyedBy;
        this.reader = builder.reader;
        this.groupColumn = builder.groupColumn;
        if (groupColumn != null && !keyColumns().contains(groupColumn)) {
            throw new IllegalArgumentException(name() + ": rows are grouped by a key column, not " + groupColumn);
        }
    }

    public static <R> Builder<R> named(String name) {
        return new Builder<>(name);
    }

    /** The row's columns in order; with {@link Builder#keyedBy}, also checks that its key is the key columns'. */
    public Object[] values(R row) {
        Object[] columns = values.apply(row);
        if (columns.length != columns().size()) {
            throw new IllegalStateException(name() + " has " + columns().size() + " columns, a row gave " + columns.length);
        }
        if (keyedBy != null) {
            Object key = keyOf(columns, keyColumns().size());
            if (!key.equals(keyedBy.apply(row))) {
                throw new IllegalStateException(name() + ": a row's key is " + keyedBy.apply(row) + ", its key columns hold " + key);
            }
        }
        return columns;
    }

    public R read(ResultSet row) throws SQLException {
        return reader.read(row);
    }

    /** The key under which a fold keeps the row. */
    public Object keyOf(R row) {
        return keyedBy != null ? keyedBy.apply(row) : keyOf(values(row), keyColumns().size());
    }

    /** The key of the row with these key values, in the order of the key columns. */
    public Object key(Object... keyValues) {
        if (keyValues.length != keyColumns().size()) {
            throw new IllegalArgumentException(name() + " is keyed by " + keyColumns());
        }
        return keyValues.length == 1 ? keyValues[0] : Key.of(keyValues);
    }

    /** The key values of a key made by {@link #key}. */
    public Object[] keyValues(Object key) {
        return keyColumns().size() == 1 ? new Object[] {key} : ((List<?>) key).toArray();
    }

    /** The key column holding the entitlement a row belongs to, or null when rows are read one key at a time. */
    public String groupColumn() {
        return groupColumn;
    }

    /** The columns a row gets when it is first stored, which writing it again leaves as they are. */
    public List<String> writtenOnce() {
        return writtenOnce;
    }

    public static final class Builder<R> {

        private final String name;
        private List<String> keyColumns = List.of();
        private final List<String> columns = new ArrayList<>();
        private Function<R, Object[]> values;
        private Function<R, Object> keyedBy;
        private Reader<R> reader;
        private String groupColumn;
        private final List<String> writtenOnce = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder<R> key(String... keyColumns) {
            this.keyColumns = List.of(keyColumns);
            this.columns.addAll(0, this.keyColumns);
            return this;
        }

        public Builder<R> columns(String... columns) {
            this.columns.addAll(List.of(columns));
            return this;
        }

        /**
         * Columns set when a row is first stored and never changed after, so that a fold may write a row again without
         * reading it: what it does not know of them stays as stored.
         */
        public Builder<R> writtenOnce(String... columns) {
            this.writtenOnce.addAll(List.of(columns));
            return this;
        }

        /** Rows belong to an entitlement, named in this key column. */
        public Builder<R> groupedBy(String column) {
            this.groupColumn = column;
            return this;
        }

        public Builder<R> values(Function<R, Object[]> values) {
            this.values = values;
            return this;
        }

        /**
         * The row's key straight from the row, as {@link RowTable#key} makes it from the key columns' values (the value
         * for one column, a list in column order for more), so that keeping a changed row does not make all its
         * columns; every row written is checked against its key columns.
         */
        public Builder<R> keyedBy(Function<R, Object> keyedBy) {
            this.keyedBy = keyedBy;
            return this;
        }

        public RowTable<R> reader(Reader<R> reader) {
            this.reader = reader;
            return new RowTable<>(this);
        }
    }
}
