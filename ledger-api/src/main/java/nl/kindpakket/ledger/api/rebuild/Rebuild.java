package nl.kindpakket.ledger.api.rebuild;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import nl.kindpakket.ledger.api.readside.Coverage;
import nl.kindpakket.ledger.api.readside.LiveProcessor;
import nl.kindpakket.ledger.api.readside.LiveTokens;
import nl.kindpakket.ledger.api.readside.Positions;
import nl.kindpakket.ledger.api.readside.ReplacementFold;
import nl.kindpakket.ledger.api.readside.StoredEvents;
import nl.kindpakket.ledger.api.stream.Horizon;
import nl.kindpakket.ledger.projections.ReadModels;
import nl.kindpakket.ledger.projections.store.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One rebuild of every read model, run (or taken up again) on a thread of its own.
 *
 * <p>It folds the store, up to a horizon below which no event can still appear, from nothing into new tables beside
 * the live ones, which keep serving and being updated meanwhile. Then, in one transaction that keeps the live
 * processor's tokens and the live tables to itself, the new tables catch up with the events the live ones reflect
 * beyond the horizon, take the live tables' place, and the processor's tokens are moved to cover the horizon too;
 * the processor carries on from there on the new tables. Each part of the fold commits on its own, with the rebuild's
 * progress, so an interrupted rebuild goes on with the next part; the switch is one transaction, so it is whole or
 * not at all.
 */
final class Rebuild implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    private static final int SWITCH_ATTEMPTS = 5;

    /** What every rebuild works with. */
    record Tools(RebuildJobs jobs, RebuildProperties properties, DataSource dataSource, JdbcTemplate jdbc,
                 TransactionTemplate transaction, Dialect dialect, StoredEvents events, LiveTokens tokens,
                 LiveProcessor processor, Horizon horizon, Clock clock) {
    }

    private final String id;
    private final String owner;
    private final Tools tools;
    private final ReplacementFold fold;
    private volatile boolean stopping;
    private volatile boolean cancelRequested;

    Rebuild(String id, String owner, Tools tools) {
        this.id = id;
        this.owner = owner;
        this.tools = tools;
        this.fold = new ReplacementFold(ReadModels.fold(), tools.dialect(), tools.dataSource(), tools.jdbc(),
                tools.events(), tools.properties().schema());
    }

    String id() {
        return id;
    }

    long eventsDone() {
        return fold.eventsDone();
    }

    /** Stops it between two events, leaving it for this instance or another to take up (on shutdown). */
    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rebuild-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = tools.properties().heartbeat().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        try {
            RebuildJobs.Job job = tools.jobs().find(id).orElseThrow();
            if (job.state() == RebuildState.CANCELLING) {
                throw new ReplacementFold.Stopped();
            }
            if (job.state() == RebuildState.STARTING || job.horizon() == null) {
                job = start();
            }
            long folding = System.nanoTime();
            if (job.state() == RebuildState.FOLDING) {
                fold.countDone(job.partsDone() == 0 ? 0 : job.eventsDone());
                fold.foldFromNothing(StoredEvents.Range.upTo(job.horizon()), Coverage.upTo(job.horizon()),
                        job.partsDone(), job.parts(),
                        (part, onPart) -> tools.jobs().partDone(onPart, id, part + 1, fold.eventsDone()),
                        this::shouldStop);
                if (shouldStop()) {
                    throw new ReplacementFold.Stopped();
                }
                tools.jobs().state(id, RebuildState.SWITCHING);
            }
            long keys = System.nanoTime();
            fold.tables().completeKeys();
            long switching = System.nanoTime();
            switchIn(job.horizon());
            log.info("Rebuild {}: folded {} events in {} ms, keyed the new tables in {} ms, switched them in {} ms", id,
                    fold.eventsDone(), (keys - folding) / 1_000_000, (switching - keys) / 1_000_000,
                    (System.nanoTime() - switching) / 1_000_000);
            dropAfterSwitch();
            tools.jobs().finish(id, RebuildState.DONE, fold.eventsDone(), null, tools.clock().instant());
            analyze();
        } catch (ReplacementFold.Stopped stopped) {
            if (!stopping) {
                cleanUp(RebuildState.CANCELLED, null);
            }
        } catch (RuntimeException e) {
            log.error("Rebuild {} of the read models failed", id, e);
            cleanUp(RebuildState.FAILED, String.valueOf(e.getMessage()));
        } finally {
            heartbeat.shutdownNow();
        }
    }

    /** New empty tables, the horizon to fold up to, how many parts; from then on, a rebuild can be taken up. */
    private RebuildJobs.Job start() {
        fold.tables().create();
        long horizon = horizon();
        StoredEvents.Census census = tools.events().census(StoredEvents.Range.upTo(horizon));
        int parts = tools.properties().partsFor(census.entitlements());
        tools.jobs().folding(id, horizon, parts, census.events(), tools.clock().instant());
        log.info("Rebuild {} folds {} events up to position {} in {} part(s)", id, census.events(), horizon, parts);
        return tools.jobs().find(id).orElseThrow();
    }

    private void switchIn(long horizon) {
        tools.processor().stop();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    tools.transaction().executeWithoutResult(status -> {
                        Positions live = tools.tokens().read(true);
                        fold.tables().lockLive();
                        long caughtUp = fold.catchUp(Coverage.upTo(horizon), horizon, live,
                                tools.properties().catchUpBatch());
                        fold.tables().switchIn(tools.properties().retiredSchema());
                        tools.tokens().extendTo(live, horizon);
                        log.info("Rebuild {} caught up with {} events and switched the read models' tables", id,
                                caughtUp);
                    });
                    return;
                } catch (PessimisticLockingFailureException e) {
                    if (attempt == SWITCH_ATTEMPTS) {
                        throw e;
                    }
                    log.info("Rebuild {} met readers or writers at the switch, trying again: {}", id, e.getMessage());
                }
            }
        } finally {
            tools.processor().start();
        }
    }

    private long horizon() {
        try (Connection connection = tools.dataSource().getConnection()) {
            return tools.horizon().safePosition(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("could not find where the store is final: " + e.getMessage(), e);
        }
    }

    private boolean shouldStop() {
        return stopping || Thread.currentThread().isInterrupted() || cancelRequested;
    }

    private void beat() {
        try {
            if (!tools.jobs().heartbeat(id, owner, fold.eventsDone(), tools.clock().instant())) {
                // taken over by another instance, or over: stop folding here
                stopping = true;
            }
            tools.jobs().find(id).filter(job -> job.state() == RebuildState.CANCELLING)
                    .ifPresent(job -> cancelRequested = true);
        } catch (RuntimeException e) {
            log.warn("Rebuild {} could not record its progress: {}", id, e.getMessage());
        }
    }

    /** The switch has committed: what is left behind is only in the way of the next rebuild. */
    private void dropAfterSwitch() {
        try {
            fold.tables().dropAfterSwitch(tools.properties().retiredSchema());
        } catch (RuntimeException e) {
            log.warn("Rebuild {} switched, but could not drop the tables it left behind; the next rebuild will", id, e);
        }
    }

    /** The new live tables' statistics, for the planner; readers and writers go on meanwhile. */
    private void analyze() {
        try {
            fold.tables().analyzeLive();
        } catch (RuntimeException e) {
            log.warn("Rebuild {} could not gather the new tables' statistics; autovacuum will", id, e);
        }
    }

    private void cleanUp(RebuildState end, String error) {
        try {
            fold.tables().drop();
        } catch (RuntimeException e) {
            log.warn("Rebuild {} could not drop its tables", id, e);
        }
        tools.jobs().finish(id, end, fold.eventsDone(), error, tools.clock().instant());
    }
}
