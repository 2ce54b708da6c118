package nl.kindpakket.ledger.projections.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import nl.kindpakket.ledger.projections.table.CounterTable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What differs between PostgreSQL, the production store, and H2, the embedded default, in how read model tables are
 * written and replaced. Nothing else in the read side asks which database it is on.
 */
public abstract sealed class Dialect permits PostgresDialect, H2Dialect {

    public static Dialect of(DataSource dataSource) {
        return of(new JdbcTemplate(dataSource));
    }

    public static Dialect of(JdbcTemplate jdbc) {
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        return "PostgreSQL".equals(product) ? new PostgresDialect() : new H2Dialect();
    }

    /** Stores a row whole, or changes the stored one, leaving its columns {@code writtenOnce} as they are. */
    abstract String upsert(String table, List<String> keyColumns, List<String> columns, List<String> writtenOnce);

    /** The columns an upsert changes in a stored row: all but the key and those written once. */
    static List<String> updated(List<String> keyColumns, List<String> columns, List<String> writtenOnce) {
        return columns.stream().filter(column -> !keyColumns.contains(column) && !writtenOnce.contains(column)).toList();
    }

    /** Adds each key's sums to its stored counters, making the rows that are not there yet. */
    abstract void addToCounters(JdbcTemplate jdbc, String table, CounterTable counters, Map<List<?>, long[]> sums);

    /** A writer of many rows into new tables on this connection, in its transaction. */
    public abstract BulkSink bulkSink(Connection connection) throws SQLException;

    /**
     * Readies a statement that reads many rows in the order of an index, in the caller's transaction: the rows
     * come in the database's binary form where it has one, and in index order rather than sorted afterwards.
     */
    public abstract void readInIndexOrder(Connection connection, java.sql.PreparedStatement statement)
            throws SQLException;

    /** An expression of {@code column} that puts every value in one of {@code parts} parts numbered from 0. */
    public abstract String partitionOf(String column, int parts);

    /**
     * Whether a transaction can read every table as of one moment while others write (PostgreSQL's REPEATABLE READ);
     * where it cannot, whoever needs one moment stops the writers first.
     */
    public abstract boolean readsOneMoment();

    /** Empty tables like the live ones in {@code schema}, whatever an earlier run left there; keyed already if asked. */
    void createLike(JdbcTemplate jdbc, String schema, List<String> tables, boolean keyed) {
        String live = liveSchema(jdbc);
        jdbc.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        for (String table : tables) {
            jdbc.execute("DROP TABLE IF EXISTS " + schema + "." + table);
            createLike(jdbc, live, schema, table);
        }
        if (keyed) {
            addKeysAndIndexes(jdbc, schema, tables);
        }
    }

    /** One empty table in {@code schema} like the live one, with at least its columns and defaults. */
    abstract void createLike(JdbcTemplate jdbc, String live, String schema, String table);

    /** Gives new tables the keys, constraints and indexes of the live ones, where they lack them. */
    abstract void addKeysAndIndexes(JdbcTemplate jdbc, String schema, List<String> tables);

    /** Gathers the planner's statistics of these live tables, which readers and writers keep using meanwhile. */
    abstract void analyze(JdbcTemplate jdbc, List<String> tables);

    /** How large a table is, to order work on tables by; counting its rows would read it whole. */
    abstract long size(JdbcTemplate jdbc, String table);

    /**
     * Makes the tables in {@code schema} the live ones, in the caller's transaction: readers see the old rows until it
     * commits and the new ones after. On PostgreSQL the old tables move to {@code retired}, to be dropped after.
     */
    abstract void switchIn(JdbcTemplate jdbc, String schema, String retired, List<String> tables);

    /**
     * Blocks every reader and writer of these live tables until the caller's transaction ends; fails, rather than
     * waits long, when others hold them (the caller tries again).
     */
    abstract void lockLive(JdbcTemplate jdbc, List<String> tables);

    /** Drops the tables a switch left behind: the old ones it moved to {@code retired}, or the new ones it copied. */
    abstract void dropAfterSwitch(JdbcTemplate jdbc, String schema, String retired, List<String> tables);

    /** Drops these tables of the schema, where they exist. */
    void drop(JdbcTemplate jdbc, String schema, List<String> tables) {
        tables.forEach(table -> jdbc.execute("DROP TABLE IF EXISTS " + schema + "." + table));
    }

    String liveSchema(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT CURRENT_SCHEMA", String.class);
    }

    /** {@code ?, ?, ?} for {@code count} parameters. */
    static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
