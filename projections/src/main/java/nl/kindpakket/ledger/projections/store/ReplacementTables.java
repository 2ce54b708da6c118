package nl.kindpakket.ledger.projections.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import nl.kindpakket.ledger.projections.fold.Fold;
import nl.kindpakket.ledger.projections.table.CounterTable;
import nl.kindpakket.ledger.projections.table.Table;
import nl.kindpakket.ledger.projections.table.TableNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A second set of the read models' tables, under the same names in a schema of their own: a rebuild fills them and
 * switches them in for the live ones; a reconciliation fills them and compares them with the live ones.
 */
public final class ReplacementTables {

    private static final Logger log = LoggerFactory.getLogger(ReplacementTables.class);
    private static final int KEY_BUILDERS = 2;

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

    /**
     * Keys, constraints and indexes as the live tables have them, once the rows are in: two tables at a time, each
     * on a connection of its own, since building an index keeps one core busy.
     */
    public void completeKeys() {
        ExecutorService builders = Executors.newFixedThreadPool(KEY_BUILDERS, runnable -> {
            Thread thread = new Thread(runnable, "key-builder");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> built = new ArrayList<>();
            for (String table : largestFirst()) {
                built.add(builders.submit(() -> {
                    long start = System.nanoTime();
                    dialect.addKeysAndIndexes(jdbc, schema, List.of(table));
                    log.debug("Keyed {}.{} in {} ms", schema, table, (System.nanoTime() - start) / 1_000_000);
                }));
            }
            for (Future<?> table : built) {
                table.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the new tables got their keys", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("giving the new tables their keys failed", e.getCause());
        } finally {
            builders.shutdownNow();
        }
    }

    /** Once they are live: the planner's statistics of the tables, which a rebuild made anew. */
    public void analyzeLive() {
        dialect.analyze(jdbc, tables);
    }

    /** The planner's statistics of these tables, before they are joined with the live ones. */
    public void analyze() {
        dialect.analyze(jdbc, tables.stream().map(names::of).toList());
    }

    /** The tables by their size, largest first, so that the longest build starts first. */
    private List<String> largestFirst() {
        List<String> ordered = new ArrayList<>(tables);
        Map<String, Long> sizes = new HashMap<>();
        ordered.forEach(table -> sizes.put(table, dialect.size(jdbc, names.of(table))));
        ordered.sort(Comparator.comparing(sizes::get).reversed());
        return ordered;
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
