package nl.kindpakket.ledger.projections.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import nl.kindpakket.ledger.projections.fold.Changes;
import nl.kindpakket.ledger.projections.fold.EventRecord;
import nl.kindpakket.ledger.projections.fold.Fold;
import nl.kindpakket.ledger.projections.table.AppendTable;
import nl.kindpakket.ledger.projections.table.CounterTable;
import nl.kindpakket.ledger.projections.table.RowTable;
import nl.kindpakket.ledger.projections.table.TableNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A fold from nothing into new tables, on one connection and in its transaction: appended rows stream out as the
 * events come, the rows read models keep are held in memory and written at the end, and counters are added to
 * (so several folds, each over a part of the aggregates, add up in the same tables).
 */
public final class BulkFold implements AutoCloseable {

    private final Fold fold;
    private final Dialect dialect;
    private final TableNames names;
    private final JdbcTemplate jdbc;
    private final BulkSink sink;
    private final Changes changes;

    public BulkFold(Fold fold, Dialect dialect, TableNames names, Connection connection) throws SQLException {
        this.fold = fold;
        this.dialect = dialect;
        this.names = names;
        this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        this.sink = dialect.bulkSink(connection);
        this.changes = Changes.fromNothing(new Changes.Appends() {
            @Override
            public <R> void append(AppendTable<R> table, R row) {
                sink.append(names.of(table), table.columns(), table.values(row));
            }
        });
    }

    public void apply(EventRecord record) {
        fold.apply(record, changes);
    }

    /** The rows held in memory so far. */
    public long rowsHeld() {
        return changes.rowCount();
    }

    /** Writes everything still held; the caller then commits the connection's transaction. */
    public void finish() {
        for (RowTable<?> table : fold.rowTables()) {
            writeAll(table);
        }
        sink.finish();
        for (CounterTable table : fold.counterTables()) {
            Map<List<?>, long[]> sums = changes.sums(table);
            if (!sums.isEmpty()) {
                dialect.addToCounters(jdbc, names.of(table), table, sums);
            }
        }
    }

    @Override
    public void close() {
        sink.close();
    }

    private <R> void writeAll(RowTable<R> table) {
        String name = names.of(table);
        for (R row : changes.rowsToWrite(table)) {
            sink.append(name, table.columns(), table.values(row));
        }
    }
}
