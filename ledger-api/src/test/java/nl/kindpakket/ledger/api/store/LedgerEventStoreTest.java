package nl.kindpakket.ledger.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A load in a unit of work sees the events that the unit has staged for the aggregate and not yet appended, as in
 * Axon's own store; the ledger's store only skips the search for aggregates that staged nothing. If Axon stopped
 * staging events through {@code publish}, these loads would miss them and this test would fail.
 */
@SpringBootTest
@ActiveProfiles("test")
class LedgerEventStoreTest {

    @Autowired
    EventStore eventStore;

    @Test
    void the_ledger_uses_its_own_store() {
        assertThat(eventStore).isInstanceOf(LedgerEventStore.class);
    }

    @Test
    void a_load_sees_the_events_staged_for_its_aggregate_in_the_unit_of_work_and_no_others() {
        String staged = "staged-" + UUID.randomUUID();
        String untouched = "untouched-" + UUID.randomUUID();
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        try {
            eventStore.publish(event(staged, 0, "first"), event(staged, 1, "second"));

            assertThat(payloads(staged)).containsExactly("first", "second");
            assertThat(payloads(untouched)).isEmpty();
        } finally {
            unit.rollback();
        }
        assertThat(payloads(staged)).as("rolled back, nothing was appended").isEmpty();
    }

    @Test
    void events_staged_by_a_nested_unit_of_work_that_committed_are_seen_by_its_parent() {
        String staged = "staged-" + UUID.randomUUID();
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
        try {
            DefaultUnitOfWork.startAndGet(null).execute(() -> eventStore.publish(event(staged, 0, "nested")));

            assertThat(payloads(staged)).containsExactly("nested");
        } finally {
            root.rollback();
        }
    }

    @Test
    void events_of_a_nested_unit_of_work_that_rolled_back_are_not_seen() {
        String staged = "staged-" + UUID.randomUUID();
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
        try {
            UnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(null);
            eventStore.publish(event(staged, 0, "dropped"));
            nested.rollback();

            assertThat(payloads(staged)).isEmpty();
        } finally {
            root.rollback();
        }
    }

    private List<Object> payloads(String aggregate) {
        return eventStore.readEvents(aggregate).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }

    private static DomainEventMessage<String> event(String aggregate, long sequence, String payload) {
        return new GenericDomainEventMessage<>("Staged", aggregate, sequence, payload);
    }
}
