package nl.kindpakket.ledger.api.rebuild;

import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Hands every event to the rebuild's handlers, also those no handler takes, and counts the events of each batch once
 * the batch has committed: a retried batch is not counted twice, so the count is the events done.
 */
final class CountingInvoker implements EventHandlerInvoker {

    private static final String BATCH_COUNT = CountingInvoker.class.getName() + ".batch";

    private final EventHandlerInvoker handlers;
    private final AtomicLong committed = new AtomicLong();

    CountingInvoker(EventHandlerInvoker handlers) {
        this.handlers = handlers;
    }

    long committed() {
        return committed.get();
    }

    @Override
    public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        return true;
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return true;
    }

    @Override
    public void handle(EventMessage<?> message, Segment segment) throws Exception {
        if (handlers.canHandle(message, segment)) {
            handlers.handle(message, segment);
        }
        CurrentUnitOfWork.map(this::batchCount).ifPresent(AtomicLong::incrementAndGet);
    }

    private AtomicLong batchCount(UnitOfWork<?> batch) {
        return batch.root().getOrComputeResource(BATCH_COUNT, key -> {
            AtomicLong count = new AtomicLong();
            batch.root().afterCommit(done -> committed.addAndGet(count.get()));
            return count;
        });
    }
}
