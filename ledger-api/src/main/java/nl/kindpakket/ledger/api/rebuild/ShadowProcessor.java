package nl.kindpakket.ledger.api.rebuild;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

/**
 * A second streaming processor for read models being rebuilt: their handlers on the shadow tables, one segment,
 * reading from the first event. Its token lives beside the live ones, under its own name, and is committed with
 * the shadow rows of each batch, exactly as a live processor's is.
 */
final class ShadowProcessor {

    private static final long STOP_SECONDS = 60;

    private final String name;
    private final CountingInvoker invoker;
    private final PooledStreamingEventProcessor processor;
    private final ScheduledExecutorService coordinator;
    private final ScheduledExecutorService workers;

    ShadowProcessor(String name, List<Object> handlers, int batchSize, Configuration axon, TokenStore tokens,
                    TransactionManager transactions, StreamableMessageSource<TrackedEventMessage<?>> events) {
        this.name = name;
        this.invoker = new CountingInvoker(SimpleEventHandlerInvoker.builder()
                .eventHandlers(handlers)
                .parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(handlers.get(0).getClass()))
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                .build());
        this.coordinator = Executors.newSingleThreadScheduledExecutor(runnable -> thread(runnable, "coordinator"));
        this.workers = Executors.newSingleThreadScheduledExecutor(runnable -> thread(runnable, "worker"));
        this.processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker)
                .rollbackConfiguration(RollbackConfigurationType.ANY_THROWABLE)
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(events)
                .tokenStore(tokens)
                .transactionManager(transactions)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(1)
                .initialToken(StreamableMessageSource::createTailToken)
                .batchSize(batchSize)
                .build();
    }

    String name() {
        return name;
    }

    void start() {
        processor.start();
    }

    long eventsDone() {
        return invoker.committed();
    }

    /** The global index of the last event whose batch committed; empty before the first. */
    OptionalLong position() {
        return status().map(EventTrackerStatus::getCurrentPosition).orElse(OptionalLong.empty());
    }

    boolean isCaughtUp() {
        return status().map(EventTrackerStatus::isCaughtUp).orElse(false);
    }

    /** Why its last batch failed, while it retries; null when it runs well. */
    Throwable error() {
        return status().filter(EventTrackerStatus::isErrorState).map(EventTrackerStatus::getError).orElse(null);
    }

    /** Stops after the batch in hand has committed, and releases its claim. */
    void stop() {
        try {
            processor.shutdownAsync().get(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping " + name, e);
        } catch (Exception e) {
            throw new IllegalStateException("could not stop " + name, e);
        } finally {
            shutDown(coordinator);
            shutDown(workers);
        }
    }

    private java.util.Optional<EventTrackerStatus> status() {
        return processor.processingStatus().values().stream().findFirst();
    }

    private Thread thread(Runnable runnable, String role) {
        Thread thread = new Thread(runnable, name + "-" + role);
        thread.setDaemon(true);
        return thread;
    }

    private static void shutDown(ExecutorService executor) {
        executor.shutdownNow();
    }
}
