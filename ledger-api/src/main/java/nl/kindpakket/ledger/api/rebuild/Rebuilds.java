package nl.kindpakket.ledger.api.rebuild;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Service;

/**
 * Starts rebuilds and keeps their status. Read models rebuild one rebuild at a time; rebuilds of different read
 * models may run side by side. Status is kept in memory: a restart forgets it, and the rebuild it interrupted
 * leaves the live figures as they were.
 */
@Service
public class Rebuilds {

    private final RebuildTools tools;
    private final Clock clock;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "rebuild");
        thread.setDaemon(true);
        return thread;
    });

    Rebuilds(RebuildTools tools, Clock clock) {
        this.tools = tools;
        this.clock = clock;
    }

    public List<String> readModels() {
        return tools.catalog.names();
    }

    /** Starts rebuilding one read model, or all of them for {@code all}. */
    public synchronized RebuildStatus start(String name) {
        List<String> readModels = tools.catalog.resolve(name).orElseThrow(() -> new UnknownReadModel(name));
        rebuilds.values().stream()
                .filter(running -> !running.isFinished())
                .filter(running -> running.readModels().stream().anyMatch(readModels::contains))
                .findFirst()
                .ifPresent(running -> {
                    throw new RebuildInProgress(running.status());
                });
        Rebuild rebuild = new Rebuild(UUID.randomUUID().toString(), readModels, tools, clock);
        rebuilds.put(rebuild.id(), rebuild);
        threads.execute(rebuild);
        return rebuild.status();
    }

    public Optional<RebuildStatus> status(String id) {
        return Optional.ofNullable(rebuilds.get(id)).map(Rebuild::status);
    }

    /** The most recent rebuild of a read model, running or not. */
    public Optional<RebuildStatus> latest(String readModel) {
        return rebuilds.values().stream()
                .map(Rebuild::status)
                .filter(status -> status.projections().contains(readModel))
                .max(Comparator.comparing(RebuildStatus::requestedAt));
    }

    public List<RebuildStatus> all() {
        List<RebuildStatus> all = new ArrayList<>(rebuilds.values().stream().map(Rebuild::status).toList());
        all.sort(Comparator.comparing(RebuildStatus::requestedAt).reversed());
        return all;
    }

    /** Asks a running rebuild to stop; the live figures stay as they were. False for an unknown rebuild. */
    public boolean cancel(String id) {
        Rebuild rebuild = rebuilds.get(id);
        if (rebuild == null) {
            return false;
        }
        rebuild.cancel();
        return true;
    }

    @PreDestroy
    void stop() {
        rebuilds.values().forEach(Rebuild::cancel);
        threads.shutdown();
    }

    /** No read model of that name. */
    public static final class UnknownReadModel extends RuntimeException {
        UnknownReadModel(String name) {
            super("no read model " + name + "; known are " + ReadModelCatalog.ALL + " and the names of each");
        }
    }

    /** A read model asked for is being rebuilt already. */
    public static final class RebuildInProgress extends RuntimeException {

        private final transient RebuildStatus running;

        RebuildInProgress(RebuildStatus running) {
            super("read models " + running.projections() + " are being rebuilt by " + running.id());
            this.running = running;
        }

        public RebuildStatus running() {
            return running;
        }
    }
}
