package nl.kindpakket.ledger.api.reports;

import java.util.ArrayList;
import java.util.List;

import nl.kindpakket.ledger.projections.entitlement.EntitlementEvents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * An entitlement's events from the event store, from its first: read from the stored events themselves, never from a
 * snapshot, in one query on the aggregate's key. An entitlement has tens of events.
 */
@Component
class StoredEntitlementEvents implements EntitlementEvents {

    private final EventStore store;

    StoredEntitlementEvents(EventStore store) {
        this.store = store;
    }

    @Override
    public List<Event> through(String entitlementId, long last) {
        List<Event> events = new ArrayList<>();
        DomainEventStream stream = store.readEvents(entitlementId, 0);
        while (stream.hasNext() && stream.peek().getSequenceNumber() <= last) {
            DomainEventMessage<?> event = stream.next();
            events.add(new Event(event.getSequenceNumber(), event.getPayload()));
        }
        return events;
    }
}
