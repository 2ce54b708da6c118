package nl.kindpakket.ledger.api.figures;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import nl.kindpakket.ledger.core.api.events.EntitlementGranted;
import nl.kindpakket.ledger.projections.ReadModels;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A handler that runs in the read models' batches, for tests only: it can hold a batch at one grant, so that the
 * events sent meanwhile gather into the next batch, and it can fail a batch at one grant, noting what the batch held.
 * Inert until armed.
 */
@ProcessingGroup(ReadModels.GROUP)
class PoisonPill {

    /** Long enough for a test to look at the failed state, short enough for the processor to retry by itself. */
    static final long HOLD_SECONDS = 10;

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final List<List<String>> failedBatches = new CopyOnWriteArrayList<>();
    private volatile Gate gate;
    private volatile String poison;

    PoisonPill(ObjectProvider<EventProcessingConfiguration> processing) {
        this.processing = processing;
    }

    /** A grant whose batch waits at it until opened. */
    record Gate(String entitlementId, CountDownLatch arrived, CountDownLatch released) {

        boolean awaitReached() throws InterruptedException {
            return arrived.await(30, TimeUnit.SECONDS);
        }

        void open() {
            released.countDown();
        }
    }

    Gate holdAt(String entitlementId) {
        Gate held = new Gate(entitlementId, new CountDownLatch(1), new CountDownLatch(1));
        gate = held;
        return held;
    }

    void poison(String entitlementId) {
        poison = entitlementId;
    }

    /** Disarms both, letting a held batch go on. */
    void cure() {
        poison = null;
        Gate held = gate;
        gate = null;
        if (held != null) {
            held.open();
        }
    }

    /** Each failed batch's events in order: a grant by its childRef, any other event by its type. */
    List<List<String>> failedBatches() {
        return List.copyOf(failedBatches);
    }

    @EventHandler
    void on(EntitlementGranted event) throws InterruptedException {
        Gate held = gate;
        if (held != null && held.entitlementId().equals(event.entitlementId())) {
            held.arrived().countDown();
            held.released().await(30, TimeUnit.SECONDS);
        }
        if (event.entitlementId().equals(poison)) {
            failedBatches.add(batch());
            // keeps the failed state still while the test looks: the processor retries only after the hold
            processing.getObject().eventProcessor(ReadModels.GROUP, StreamingEventProcessor.class)
                    .orElseThrow().releaseSegment(0, HOLD_SECONDS, TimeUnit.SECONDS);
            throw new IllegalStateException("a poisoned grant: " + event.entitlementId());
        }
    }

    private static List<String> batch() {
        if (CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch) {
            return batch.getMessages().stream().map(PoisonPill::describe).toList();
        }
        return List.of("not a batch");
    }

    private static String describe(Message<?> message) {
        return message.getPayload() instanceof EntitlementGranted granted
                ? granted.childRef()
                : message.getPayloadType().getSimpleName();
    }
}
