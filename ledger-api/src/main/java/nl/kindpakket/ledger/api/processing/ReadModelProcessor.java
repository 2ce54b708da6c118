package nl.kindpakket.ledger.api.processing;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import nl.kindpakket.ledger.core.api.LedgerEvent;
import nl.kindpakket.ledger.projections.ReadModels;
import nl.kindpakket.ledger.projections.fold.EventRecord;
import nl.kindpakket.ledger.projections.fold.Fold;
import nl.kindpakket.ledger.projections.store.TableStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Live processing of every read model, in one processing group. Its handler only gathers the batch's events; once
 * the batch is complete, just before its transaction commits (and after the processor has stored its token in that
 * transaction), the read models fold the whole batch and their tables are written. A failure there rolls the batch
 * and its token back together, and the processor tries the batch again.
 *
 * <p>This leans on one behaviour of Axon's streaming processors: a batch is one unit of work whose prepare-commit
 * handlers run once, inside the batch's transaction. {@code FailingBatchTest} fails if that changes. Each event's
 * position is read from the event table ({@link StoredPositions}), since its token's is not always the event's own.
 */
@Component
@ProcessingGroup(ReadModels.GROUP)
public class ReadModelProcessor {

    private static final String BATCH = ReadModelProcessor.class.getName() + ".batch";

    private final Fold fold = ReadModels.fold();
    private final TableStore tables;
    private final StoredPositions positions;
    private final DistributionSummary batchEvents;

    public ReadModelProcessor(LiveTables tables, StoredPositions positions, MeterRegistry meters) {
        this.tables = tables.store();
        this.positions = positions;
        this.batchEvents = DistributionSummary.builder("ledger.processing.batch.events")
                .description("events folded in one committed batch of the read models' processor")
                .register(meters);
    }

    /** An event of the batch as it arrived: its record, with its token's position, and the event's identifier. */
    record Arrived(String eventId, EventRecord record) {
    }

    @EventHandler
    void on(LedgerEvent event, EventMessage<?> message) {
        if (!fold.foldedTypes().contains(event.getClass())) {
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        List<Arrived> arrived = batch.getOrComputeResource(BATCH, key -> {
            List<Arrived> gathered = new ArrayList<>();
            batch.onPrepareCommit(unit -> tables.apply(fold, positions.of(gathered)));
            batch.afterCommit(unit -> batchEvents.record(gathered.size()));
            return gathered;
        });
        arrived.add(new Arrived(message.getIdentifier(), record(event, message)));
    }

    static EventRecord record(LedgerEvent event, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domain) || !(message instanceof TrackedEventMessage<?> tracked)) {
            throw new IllegalStateException("a read model folds stored events only, not " + message);
        }
        long position = tracked.trackingToken().position()
                .orElseThrow(() -> new IllegalStateException("no position for event " + message.getIdentifier()));
        return new EventRecord(event, domain.getAggregateIdentifier(), domain.getSequenceNumber(), position,
                message.getTimestamp());
    }
}
