package nl.kindpakket.ledger.api.store;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Axon's embedded event store, whose every aggregate load also looks for events that the current unit of work has
 * staged for that aggregate and not yet appended. Axon finds them by gathering all the unit's staged events into a
 * list without duplicates ({@code AbstractEventBus.queuedMessages}, a {@code contains} per event) and filtering it,
 * for every load: in a chunk of the annual reset, which loads 500 aggregates in one unit of work and stages an event
 * for each, that took 40% of the reset's processor time (flight recording of 5 December), growing with the square of
 * the chunk.
 *
 * <p>This store remembers, on the root unit of work, which aggregates have staged events, and asks Axon only for
 * those; an aggregate with none gets none at once. It overrides {@link #publish(List)}, through which Axon's
 * aggregates stage their events, and {@link #stagedDomainEventMessages(String)}, which Axon documents as the place
 * to change this. {@code LedgerEventStoreTest} fails if staged events are no longer found this way.
 */
public class LedgerEventStore extends EmbeddedEventStore {

    private final String stagedAggregates = this + ".stagedAggregates";

    public LedgerEventStore(EmbeddedEventStore.Builder builder) {
        super(builder);
    }

    @Override
    public void publish(List<? extends EventMessage<?>> events) {
        if (CurrentUnitOfWork.isStarted()) {
            Set<String> staged = CurrentUnitOfWork.get().root().getOrComputeResource(stagedAggregates, key -> new HashSet<>());
            for (EventMessage<?> event : events) {
                if (event instanceof DomainEventMessage<?> domainEvent) {
                    staged.add(domainEvent.getAggregateIdentifier());
                }
            }
        }
        super.publish(events);
    }

    @Override
    protected Stream<? extends DomainEventMessage<?>> stagedDomainEventMessages(String aggregateIdentifier) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Stream.empty();
        }
        Set<String> staged = CurrentUnitOfWork.get().root().getResource(stagedAggregates);
        return staged != null && staged.contains(aggregateIdentifier)
                ? super.stagedDomainEventMessages(aggregateIdentifier) : Stream.empty();
    }
}
