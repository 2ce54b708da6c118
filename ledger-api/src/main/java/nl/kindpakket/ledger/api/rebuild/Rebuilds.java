package nl.kindpakket.ledger.api.rebuild;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import nl.kindpakket.ledger.api.processing.LiveTables;
import nl.kindpakket.ledger.api.readside.LiveProcessor;
import nl.kindpakket.ledger.api.readside.LiveTokens;
import nl.kindpakket.ledger.api.readside.StoredEvents;
import nl.kindpakket.ledger.api.stream.Horizon;
import nl.kindpakket.ledger.projections.ReadModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts rebuilds of the read models and tells where they stand. The read models follow the store together, on one
 * position, so a rebuild always rebuilds all of them, whichever one is asked for: one read of the store serves
 * them all. One rebuild runs at a time, across every instance. An instance takes up a rebuild that its owner left
 * unfinished (a crash, a restart) once the owner has been silent long enough.
 */
@Service
public class Rebuilds {

    static final String ALL = "all";
    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    private final Rebuild.Tools tools;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final ExecutorService threads = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rebuild-watch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Rebuild running;

    Rebuilds(RebuildJobs jobs, RebuildProperties properties, DataSource dataSource, JdbcTemplate jdbc,
             TransactionTemplate transaction, LiveTables live, StoredEvents events, LiveTokens tokens,
             LiveProcessor processor, Horizon horizon, Clock clock) {
        this.tools = new Rebuild.Tools(jobs, properties, dataSource, jdbc, transaction, live.dialect(), events,
                tokens, processor, horizon, clock);
    }

    public List<String> readModels() {
        return ReadModels.ALL;
    }

    /** Starts rebuilding the read models; {@code name} is one of them or {@code all}. */
    public synchronized RebuildStatus start(String name) {
        if (!ALL.equals(name) && !ReadModels.ALL.contains(name)) {
            throw new UnknownReadModel(name);
        }
        String id = UUID.randomUUID().toString();
        RebuildJobs.Job job = tools.jobs().create(id, owner, tools.clock().instant())
                .orElseThrow(() -> new RebuildInProgress(tools.jobs().active().map(this::status).orElseThrow(
                        () -> new IllegalStateException("a rebuild was active and is not any more; try again"))));
        run(job.id());
        return status(job);
    }

    public Optional<RebuildStatus> status(String id) {
        return tools.jobs().find(id).map(this::status);
    }

    /** The most recent rebuild, running or not; every rebuild rebuilds every read model. */
    public Optional<RebuildStatus> latest() {
        return tools.jobs().recent(1).stream().findFirst().map(this::status);
    }

    public List<RebuildStatus> all() {
        return tools.jobs().recent(50).stream().map(this::status).toList();
    }

    /** Asks a rebuild to stop; the live figures stay as they were. False for a rebuild never heard of. */
    public boolean cancel(String id) {
        if (tools.jobs().find(id).isEmpty()) {
            return false;
        }
        tools.jobs().requestCancel(id);
        return true;
    }

    @EventListener(ApplicationReadyEvent.class)
    void watchForInterruptedRebuilds() {
        long every = Math.max(1_000, tools.properties().orphanedAfter().toMillis() / 2);
        watch.scheduleWithFixedDelay(this::takeUpInterrupted, 0, every, TimeUnit.MILLISECONDS);
    }

    /** Takes up an unfinished rebuild whose owner has been silent for longer than allowed. */
    void takeUpInterrupted() {
        try {
            if (running != null && tools.jobs().active().map(job -> job.id().equals(running.id())).orElse(false)) {
                return;
            }
            Instant now = tools.clock().instant();
            tools.jobs().claimOrphan(owner, now.minus(tools.properties().orphanedAfter()), now).ifPresent(job -> {
                log.info("Taking up rebuild {} of the read models, left {} by its owner", job.id(), job.state());
                run(job.id());
            });
        } catch (RuntimeException e) {
            log.warn("Could not look for interrupted rebuilds: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        watch.shutdownNow();
        Rebuild current = running;
        if (current != null) {
            current.stop();
        }
        threads.shutdown();
        try {
            threads.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(String id) {
        Rebuild rebuild = new Rebuild(id, owner, tools);
        running = rebuild;
        threads.execute(rebuild);
    }

    private RebuildStatus status(RebuildJobs.Job job) {
        Rebuild current = running;
        long done = current != null && current.id().equals(job.id()) && !job.state().isOver()
                ? Math.max(current.eventsDone(), job.eventsDone()) : job.eventsDone();
        long total = Math.max(job.eventsTotal(), done);
        Instant until = job.finishedAt() == null ? tools.clock().instant() : job.finishedAt();
        double seconds = job.startedAt() == null ? 0 : Duration.between(job.startedAt(), until).toMillis() / 1000.0;
        double rate = seconds > 0 ? done / seconds : 0;
        Double left = job.state() == RebuildState.DONE ? Double.valueOf(0)
                : rate > 0 && !job.state().isOver() ? round((total - done) / rate) : null;
        return new RebuildStatus(job.id(), ReadModels.ALL, job.state().name(), done, total, round(rate), left,
                job.parts() == null ? 0 : job.parts(), job.requestedAt(), job.finishedAt(), job.error());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** No read model of that name. */
    public static final class UnknownReadModel extends RuntimeException {
        UnknownReadModel(String name) {
            super("no read model " + name + "; known are " + ALL + " and " + String.join(", ", ReadModels.ALL));
        }
    }

    /** A rebuild is running already. */
    public static final class RebuildInProgress extends RuntimeException {

        private final transient RebuildStatus running;

        RebuildInProgress(RebuildStatus running) {
            super("the read models are being rebuilt by " + running.id());
            this.running = running;
        }

        public RebuildStatus running() {
            return running;
        }
    }
}
