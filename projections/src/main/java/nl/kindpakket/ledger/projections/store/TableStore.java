package nl.kindpakket.ledger.projections.store;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import nl.kindpakket.ledger.projections.fold.Changes;
import nl.kindpakket.ledger.projections.fold.EventRecord;
import nl.kindpakket.ledger.projections.fold.Fold;
import nl.kindpakket.ledger.projections.table.AppendTable;
import nl.kindpakket.ledger.projections.table.CounterTable;
import nl.kindpakket.ledger.projections.table.RowTable;
import nl.kindpakket.ledger.projections.table.TableNames;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Read model tables that a batch of events is folded into: the stored rows the batch needs are read (those of its
 * entitlements in one query per table), the events change them in memory, and every changed table is written in
 * one batched statement, all in the caller's transaction. Live processing runs every batch through here; a rebuild
 * and a reconciliation run the events that come in while they fold through here too, on their own tables.
 */
public final class TableStore {

    private final JdbcTemplate jdbc;
    private final Dialect dialect;
    private final TableNames names;

    public TableStore(JdbcTemplate jdbc, Dialect dialect, TableNames names) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.names = names;
    }

    public TableNames names() {
        return names;
    }

    /** Folds the events, in order, into the tables. */
    public void apply(Fold fold, List<EventRecord> records) {
        Map<AppendTable<?>, List<Object[]>> appended = new LinkedHashMap<>();
        Changes changes = Changes.onStoredRows(new StoredRows(), new Changes.Appends() {
            @Override
            public <R> void append(AppendTable<R> table, R row) {
                appended.computeIfAbsent(table, t -> new ArrayList<>()).add(table.values(row));
            }
        });
        fold.applyBatch(records, changes);
        for (RowTable<?> table : fold.rowTables()) {
            writeRows(table, changes);
        }
        for (CounterTable table : fold.counterTables()) {
            Map<List<?>, long[]> sums = changes.sums(table);
            if (!sums.isEmpty()) {
                dialect.addToCounters(jdbc, names.of(table), table, sums);
            }
        }
        appended.forEach((table, rows) -> jdbc.batchUpdate("INSERT INTO " + names.of(table) + " ("
                + String.join(", ", table.columns()) + ") VALUES (" + Dialect.marks(table.columns().size()) + ")", rows));
    }

    private <R> void writeRows(RowTable<R> table, Changes changes) {
        Collection<R> rows = changes.rowsToWrite(table);
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> values = new ArrayList<>(rows.size());
        rows.forEach(row -> values.add(table.values(row)));
        jdbc.batchUpdate(dialect.upsert(names.of(table), table.keyColumns(), table.columns(), table.writtenOnce()),
                values);
    }

    /** The stored rows, read the first time a batch needs them. */
    private final class StoredRows implements Changes.Source {

        @Override
        public <R> void readGroups(RowTable<R> table, Collection<String> entitlementIds, Map<Object, R> rows) {
            String sql = "SELECT " + String.join(", ", table.columns()) + " FROM " + names.of(table) + " WHERE "
                    + table.groupColumn() + " = ANY(?)";
            jdbc.query(connection -> {
                PreparedStatement query = connection.prepareStatement(sql);
                query.setArray(1, connection.createArrayOf("varchar", entitlementIds.toArray()));
                return query;
            }, resultSet -> {
                R row = table.read(resultSet);
                rows.put(table.keyOf(row), row);
            });
        }

        @Override
        public <R> R readOne(RowTable<R> table, Object key) {
            StringJoiner condition = new StringJoiner(" AND ");
            table.keyColumns().forEach(column -> condition.add(column + " = ?"));
            List<R> found = jdbc.query("SELECT " + String.join(", ", table.columns()) + " FROM " + names.of(table)
                    + " WHERE " + condition, (resultSet, n) -> table.read(resultSet), table.keyValues(key));
            return found.isEmpty() ? null : found.get(0);
        }
    }
}
