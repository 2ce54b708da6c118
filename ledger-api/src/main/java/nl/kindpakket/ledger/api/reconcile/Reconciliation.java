package nl.kindpakket.ledger.api.reconcile;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import nl.kindpakket.ledger.api.readside.LiveProcessor;
import nl.kindpakket.ledger.api.readside.LiveTokens;
import nl.kindpakket.ledger.api.readside.Positions;
import nl.kindpakket.ledger.api.readside.ReplacementFold;
import nl.kindpakket.ledger.api.readside.StoredEvents;
import nl.kindpakket.ledger.api.rebuild.RebuildProperties;
import nl.kindpakket.ledger.projections.ReadModels;
import nl.kindpakket.ledger.projections.fold.Fold;
import nl.kindpakket.ledger.projections.store.Dialect;
import nl.kindpakket.ledger.projections.store.TableComparison;
import nl.kindpakket.ledger.projections.table.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One reconciliation: the events the live tables reflect (by the live processor's tokens when it starts) are folded
 * from nothing into tables of its own; then, reading the live tables and the tokens as of one moment, those tables
 * catch up with what the live ones reflect by then, and every table is compared row by row with its live twin.
 * Its own tables are dropped at the end; the live tables are only read.
 */
final class Reconciliation implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    static final int DIFFERENCES_PER_TABLE = 20;
    static final int DIFFERENCES_KEPT = 100;

    /** What every reconciliation works with. */
    record Tools(ReconciliationResults results, RebuildProperties properties, DataSource dataSource, JdbcTemplate jdbc,
                 TransactionTemplate transaction, Dialect dialect, StoredEvents events, LiveTokens tokens,
                 LiveProcessor processor, Clock clock) {
    }

    private final String id;
    private final Tools tools;
    private final ReplacementFold fold;
    private final Fold readModels = ReadModels.fold();

    Reconciliation(String id, Tools tools) {
        this.id = id;
        this.tools = tools;
        this.fold = new ReplacementFold(readModels, tools.dialect(), tools.dataSource(), tools.jdbc(), tools.events(),
                "reconcile_" + id.replace("-", "").substring(0, 12));
    }

    String id() {
        return id;
    }

    long eventsDone() {
        return fold.eventsDone();
    }

    @Override
    public void run() {
        try {
            Positions live = tools.tokens().read(false);
            long upTo = live.highestHandled();
            fold.tables().create();
            StoredEvents.Census census = tools.events().census(StoredEvents.Range.upTo(upTo));
            tools.results().folding(id, census.events());
            int parts = tools.properties().partsFor(census.entitlements());
            fold.foldFromNothing(StoredEvents.Range.upTo(upTo), live, 0, parts,
                    (part, onPart) -> tools.results().progress(id, fold.eventsDone()), () -> false);
            fold.tables().completeKeys();
            fold.tables().analyze();
            long[] position = new long[1];
            List<TableComparison.Result> compared = compare(live, position);
            long differing = compared.stream().mapToLong(TableComparison.Result::differingRows).sum();
            List<TableComparison.Difference> first = new ArrayList<>();
            compared.forEach(result -> result.first().stream().limit(DIFFERENCES_KEPT - first.size()).forEach(first::add));
            tools.results().compared(id, fold.eventsDone(), position[0], differing, first, tools.clock().instant());
            if (differing > 0) {
                log.warn("Reconciliation {}: {} rows of the read models differ from a fresh fold of the events, "
                        + "first {}", id, differing, first.get(0));
            }
        } catch (RuntimeException e) {
            log.error("Reconciliation {} of the read models failed", id, e);
            tools.results().failed(id, fold.eventsDone(), String.valueOf(e.getMessage()), tools.clock().instant());
        } finally {
            try {
                fold.tables().dropWithSchema();
            } catch (RuntimeException e) {
                log.warn("Reconciliation {} could not drop its tables", id, e);
            }
        }
    }

    /**
     * Catches up with what the live tables reflect now and compares, as of one moment: in a snapshot where the
     * database gives one, with the live processor of this (the only) instance stopped where it does not.
     */
    private List<TableComparison.Result> compare(Positions folded, long[] position) {
        TransactionTemplate moment = new TransactionTemplate(tools.transaction().getTransactionManager());
        boolean snapshot = tools.dialect().readsOneMoment();
        moment.setIsolationLevel(snapshot ? TransactionDefinition.ISOLATION_REPEATABLE_READ
                : TransactionDefinition.ISOLATION_READ_COMMITTED);
        if (!snapshot) {
            tools.processor().stop();
        }
        try {
            return moment.execute(status -> {
                Positions live = tools.tokens().read(false);
                position[0] = live.highestHandled();
                fold.catchUp(folded, folded.lowestUnhandled() - 1, live, tools.properties().catchUpBatch());
                TableComparison comparison = new TableComparison(tools.jdbc());
                List<TableComparison.Result> results = new ArrayList<>();
                for (Table table : readModels.tables()) {
                    results.add(comparison.compare(table, fold.tables().names(), DIFFERENCES_PER_TABLE));
                }
                status.setRollbackOnly();
                return results;
            });
        } finally {
            if (!snapshot) {
                tools.processor().start();
            }
        }
    }
}
