package nl.kindpakket.ledger.api.readside;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import nl.kindpakket.ledger.projections.fold.EventRecord;
import nl.kindpakket.ledger.projections.fold.Fold;
import nl.kindpakket.ledger.projections.store.BulkFold;
import nl.kindpakket.ledger.projections.store.Dialect;
import nl.kindpakket.ledger.projections.store.ReplacementTables;
import nl.kindpakket.ledger.projections.store.TableStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read models folded into replacement tables: first from nothing, reading the store once per part of the
 * aggregates (each part committed on its own, so an interrupted fold goes on with the next part), then catching up
 * with what the live tables reflect since, batch by batch, through the same code as live processing.
 */
public final class ReplacementFold {

    /** Hears of a part folded, on the part's own connection, before it commits. */
    @FunctionalInterface
    public interface PartDone {
        void done(int part, JdbcTemplate onPartConnection);
    }

    private final Fold fold;
    private final Dialect dialect;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final StoredEvents events;
    private final ReplacementTables tables;
    private final AtomicLong eventsDone = new AtomicLong();

    public ReplacementFold(Fold fold, Dialect dialect, DataSource dataSource, JdbcTemplate jdbc, StoredEvents events,
                           String schema) {
        this.fold = fold;
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.events = events;
        this.tables = new ReplacementTables(jdbc, dialect, schema, fold);
    }

    public ReplacementTables tables() {
        return tables;
    }

    /** Events folded so far, from nothing and in catching up. */
    public long eventsDone() {
        return eventsDone.get();
    }

    public void countDone(long events) {
        eventsDone.set(events);
    }

    /**
     * Folds the events of the range that {@code covered} covers, in parts {@code firstPart} to {@code parts - 1} of the
     * aggregates, each part in one transaction of its own. Stops between events when {@code stop} says so.
     */
    public void foldFromNothing(StoredEvents.Range range, Coverage covered, int firstPart, int parts, PartDone partDone,
                                BooleanSupplier stop) {
        for (int part = firstPart; part < parts; part++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (BulkFold bulk = new BulkFold(fold, dialect, tables.names(), connection)) {
                    events.read(range.part(part, parts), dialect, record -> {
                        if (stop.getAsBoolean()) {
                            throw new Stopped();
                        }
                        if (covered.covers(record.position(), record.aggregateId())) {
                            bulk.apply(record);
                        }
                        eventsDone.incrementAndGet();
                    }, eventsDone::incrementAndGet);
                    bulk.finish();
                    partDone.done(part, new JdbcTemplate(
                            new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true)));
                    connection.commit();
                } catch (RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("folding part " + part + " of " + parts + " failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Folds into the replacement tables, in the caller's transaction, the events that {@code live} reflects and
     * {@code folded} does not: those recorded while the fold ran. Returns how many.
     */
    public long catchUp(Coverage folded, long after, Positions live, int batchSize) {
        long upTo = live.highestHandled();
        if (upTo <= after) {
            return 0;
        }
        TableStore store = new TableStore(jdbc, dialect, tables.names());
        List<EventRecord> batch = new ArrayList<>(batchSize);
        long[] count = new long[1];
        events.read(StoredEvents.Range.between(after, upTo), dialect, record -> {
            if (live.covers(record.position(), record.aggregateId())
                    && !folded.covers(record.position(), record.aggregateId())) {
                batch.add(record);
                count[0]++;
                if (batch.size() == batchSize) {
                    store.apply(fold, batch);
                    batch.clear();
                }
            }
        });
        if (!batch.isEmpty()) {
            store.apply(fold, batch);
        }
        eventsDone.addAndGet(count[0]);
        return count[0];
    }

    /** Thrown through the event cursor to stop a fold between two events. */
    public static final class Stopped extends RuntimeException {
        public Stopped() {
            super("stopped", null, false, false);
        }
    }
}
