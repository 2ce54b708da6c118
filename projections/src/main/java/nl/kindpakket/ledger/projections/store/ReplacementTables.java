package nl.kindpakket.ledger.projections.store;

import java.util.List;

import nl.kindpakket.ledger.projections.fold.Fold;
import nl.kindpakket.ledger.projections.table.CounterTable;
import nl.kindpakket.ledger.projections.table.Table;
import nl.kindpakket.ledger.projections.table.TableNames;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A second set of the read models' tables, under the same names in a schema of their own: a rebuild fills them and
 * switches them in for the live ones; a reconciliation fills them and compares them with the live ones.
 */
public final class ReplacementTables {

    private final JdbcTemplate jdbc;
    private final Dialect dialect;
    private final String schema;
    private final TableNames names;
    private final List<String> tables;
    private final List<String> counters;

    public ReplacementTables(JdbcTemplate jdbc, Dialect dialect, String schema, Fold fold) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.names = TableNames.inSchema(schema);
        this.schema = schema;
        this.tables = fold.tables().stream().map(Table::name).toList();
        this.counters = fold.counterTables().stream().map(CounterTable::name).toList();
    }

    public TableNames names() {
        return names;
    }

    public List<String> tables() {
        return tables;
    }

    /** Empty tables, whatever an earlier run left here; counters get their keys at once, since folds add to them. */
    public void create() {
        dialect.createLike(jdbc, schema, tables.stream().filter(table -> !counters.contains(table)).toList(), false);
        dialect.createLike(jdbc, schema, counters, true);
    }

    /** Keys, constraints and indexes as the live tables have them, once the rows are in. */
    public void completeKeys() {
        dialect.addKeysAndIndexes(jdbc, schema, tables);
    }

    /** In the caller's transaction: waits for every reader and writer of the live tables, then keeps them out. */
    public void lockLive() {
        dialect.lockLive(jdbc, tables);
    }

    /** In the caller's transaction: these tables become the live ones; the old ones go to {@code retired}. */
    public void switchIn(String retired) {
        dialect.switchIn(jdbc, schema, retired, tables);
    }

    public void drop() {
        dialect.drop(jdbc, schema, tables);
    }

    /** Drops the tables and then the schema itself, for a schema made for one use. */
    public void dropWithSchema() {
        drop();
        jdbc.execute("DROP SCHEMA IF EXISTS " + schema);
    }

    /** Drops what a switch left behind, once its transaction has committed. */
    public void dropAfterSwitch(String retired) {
        dialect.dropAfterSwitch(jdbc, schema, retired, tables);
    }
}
