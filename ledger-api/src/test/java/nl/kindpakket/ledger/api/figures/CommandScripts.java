package nl.kindpakket.ledger.api.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Commands planned per aggregate: each aggregate's commands go in the order planned, several aggregates at once,
 * as tills and staff work side by side.
 */
final class CommandScripts {

    private final Map<String, List<Object>> byAggregate = new LinkedHashMap<>();
    private int planned;

    void add(String aggregate, Object command) {
        byAggregate.computeIfAbsent(aggregate, key -> new ArrayList<>()).add(command);
        planned++;
    }

    int size() {
        return planned;
    }

    /** Sends everything planned so far and forgets it; the first refusal fails the whole run. */
    void sendAll(CommandGateway commands, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<Object> script : byAggregate.values()) {
                running.add(pool.submit(() -> script.forEach(command -> send(commands, command))));
            }
            for (Future<?> script : running) {
                script.get();
            }
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
            byAggregate.clear();
            planned = 0;
        }
    }

    private static void send(CommandGateway commands, Object command) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            throw new IllegalStateException("refused: " + command + ": " + e, e);
        }
    }
}
