package nl.kindpakket.ledger.api.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import nl.kindpakket.ledger.api.processing.LiveTables;
import nl.kindpakket.ledger.api.readside.LiveProcessor;
import nl.kindpakket.ledger.api.readside.LiveTokens;
import nl.kindpakket.ledger.api.readside.StoredEvents;
import nl.kindpakket.ledger.api.rebuild.RebuildProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciliations of the live read models with a fresh fold of the events: started on request (the operator
 * endpoint, {@code ops reconcile}, a nightly timer), one at a time on this instance, each in tables of its own.
 */
@Service
public class Reconciliations {

    private final Reconciliation.Tools tools;
    private final ExecutorService threads = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "reconciliation");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Reconciliation> running = new ConcurrentHashMap<>();

    Reconciliations(ReconciliationResults results, RebuildProperties properties, DataSource dataSource,
                    JdbcTemplate jdbc, TransactionTemplate transaction, LiveTables live, StoredEvents events,
                    LiveTokens tokens, LiveProcessor processor, Clock clock) {
        this.tools = new Reconciliation.Tools(results, properties, dataSource, jdbc, transaction, live.dialect(), events,
                tokens, processor, clock);
    }

    /** Starts one; it runs after any still running on this instance. */
    public ReconciliationStatus start() {
        String id = UUID.randomUUID().toString();
        tools.results().started(id, tools.clock().instant());
        Reconciliation reconciliation = new Reconciliation(id, tools);
        running.put(id, reconciliation);
        threads.execute(() -> {
            try {
                reconciliation.run();
            } finally {
                running.remove(id);
            }
        });
        return status(id).orElseThrow();
    }

    public Optional<ReconciliationStatus> status(String id) {
        return tools.results().find(id).map(this::status);
    }

    public List<ReconciliationStatus> recent() {
        return tools.results().recent(20).stream().map(this::status).toList();
    }

    /** The last one that compared the tables to the end. */
    public Optional<ReconciliationStatus> lastCompared() {
        return tools.results().lastCompared().map(this::status);
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }

    private ReconciliationStatus status(ReconciliationResults.Result result) {
        Reconciliation current = running.get(result.id());
        long done = current == null ? result.eventsDone() : Math.max(current.eventsDone(), result.eventsDone());
        long total = Math.max(result.eventsTotal(), done);
        Instant until = result.finishedAt() == null ? tools.clock().instant() : result.finishedAt();
        double seconds = Duration.between(result.requestedAt(), until).toMillis() / 1000.0;
        double rate = seconds > 0 ? done / seconds : 0;
        boolean over = result.finishedAt() != null;
        Double left = over ? Double.valueOf(0) : rate > 0 ? Math.round((total - done) / rate * 10) / 10.0 : null;
        return new ReconciliationStatus(result.id(), result.state(), done, total, Math.round(rate * 10) / 10.0, left,
                result.position(), result.differingRows(), result.differences(), result.requestedAt(), result.finishedAt(),
                result.error());
    }
}
