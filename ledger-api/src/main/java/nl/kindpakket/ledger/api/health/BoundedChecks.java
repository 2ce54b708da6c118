package nl.kindpakket.ledger.api.health;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Runs the health checks that need the database side by side, each bounded in time, so that readiness answers
 * within a probe's timeout while the database is away (a check would otherwise wait for the pool's connection
 * timeout, one after the other). A check still running from an earlier round is awaited, never started twice.
 */
final class BoundedChecks {

    private final Map<String, HealthIndicator> checks;
    private final Duration limit;
    private final Executor executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "health-check");
        thread.setDaemon(true);
        return thread;
    });
    private Round current;

    BoundedChecks(Map<String, HealthIndicator> checks, Duration limit) {
        this.checks = Map.copyOf(checks);
        this.limit = limit;
    }

    /** The check of this name, as a health indicator of its own. */
    HealthIndicator indicator(String name) {
        return () -> health(name);
    }

    Health health(String name) {
        Round round = roundFor(name);
        long remaining = round.startedNanos() + limit.toNanos() - System.nanoTime();
        try {
            return round.results().get(name).get(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
        } catch (TimeoutException slow) {
            return Health.down().withDetail("error", "no answer within " + limit.toMillis() + " ms").build();
        } catch (ExecutionException failed) {
            return Health.down(failed.getCause()).build();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        }
    }

    /** One round serves one health request: a check that already took its answer from a round starts the next. */
    private synchronized Round roundFor(String name) {
        if (current == null || !current.taken().add(name)) {
            current = start(current);
            current.taken().add(name);
        }
        return current;
    }

    private Round start(Round previous) {
        Map<String, CompletableFuture<Health>> results = new LinkedHashMap<>();
        checks.forEach((name, check) -> {
            CompletableFuture<Health> running = previous == null ? null : previous.results().get(name);
            results.put(name, running != null && !running.isDone() ? running
                    : CompletableFuture.supplyAsync(check::health, executor));
        });
        return new Round(System.nanoTime(), results, new HashSet<>());
    }

    private record Round(long startedNanos, Map<String, CompletableFuture<Health>> results, Set<String> taken) {
    }
}
