package nl.kindpakket.ledger.api.readside;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import nl.kindpakket.ledger.api.evolution.EventDocs;
import nl.kindpakket.ledger.api.processing.LiveTables;
import nl.kindpakket.ledger.api.reset.AnnualResets;
import nl.kindpakket.ledger.api.stream.EveryEventType;
import nl.kindpakket.ledger.core.api.LedgerEvent;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.events.ProviderRegistered;
import nl.kindpakket.ledger.projections.fold.EventRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a rebuild and a reconciliation fold is what Axon's own reading of the store gives: every event type the ledger
 * writes, an event of an earlier revision (upcast), one of a type no class here knows and one of a class that is not
 * the ledger's (both passed over).
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredEventsTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    AnnualResets resets;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StoredEvents stored;
    @Autowired
    LiveTables live;
    @Autowired
    EventStorageEngine engine;
    @Autowired
    Configuration axon;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    final Municipality town = new Municipality("read-" + UUID.randomUUID().toString().substring(0, 8));
    long before;
    long last;

    @BeforeAll
    void aStoreWithEveryKindOfEvent() throws Exception {
        before = stored.lastPosition();
        new EveryEventType(commands, resets, town, jdbc).drive();
        String revision1 = Files.readString(EventDocs.example("ProviderRegistered.r1.json")).strip()
                .replace("westland", town.slug());
        insert(town.slug() + ":zwembad-oud", "Provider", ProviderRegistered.class.getName(), revision1);
        insert(town.slug() + ":onbekend", "Provider", "nl.kindpakket.ledger.core.api.events.NoLongerAnEvent", "{}");
        insert(town.slug() + ":tekst", "Note", String.class.getName(), "\"not an event of the ledger\"");
        last = stored.lastPosition();
    }

    @Test
    void the_store_read_for_a_fold_is_the_store_as_axon_reads_it() {
        List<EventRecord> folded = new ArrayList<>();
        AtomicInteger passedOver = new AtomicInteger();
        stored.read(StoredEvents.Range.between(before, last), live.dialect(), folded::add, passedOver::incrementAndGet);

        List<EventRecord> axonsLedgerEvents = new ArrayList<>();
        int others = 0;
        for (TrackedEventMessage<?> message : readByAxon()) {
            if (message.getPayload() instanceof LedgerEvent) {
                DomainEventMessage<?> event = (DomainEventMessage<?>) message;
                axonsLedgerEvents.add(new EventRecord(event.getPayload(), event.getAggregateIdentifier(),
                        event.getSequenceNumber(), message.trackingToken().position().orElseThrow(), event.getTimestamp()));
            } else {
                others++;
            }
        }

        assertThat(folded).hasSizeGreaterThan(30).isEqualTo(axonsLedgerEvents);
        assertThat(passedOver).hasValue(2).hasValue(others);
        assertThat(folded.stream().map(EventRecord::payload).map(Object::getClass).distinct())
                .as("every event type the ledger writes").containsExactlyInAnyOrderElementsOf(EveryEventType.classes());
        ProviderRegistered upcast = folded.stream().filter(e -> e.aggregateId().equals(town.slug() + ":zwembad-oud"))
                .map(e -> (ProviderRegistered) e.payload()).findFirst().orElseThrow();
        assertThat(upcast.acceptsFrom()).isEqualTo(upcast.registeredOn()).isEqualTo(LocalDate.of(2018, 1, 3));
    }

    /** The fold reads events at their current revision without the upcasters: none may apply to them. */
    @Test
    void no_upcaster_changes_an_event_of_the_current_revision() {
        for (Class<?> eventClass : EveryEventType.classes()) {
            var type = serializer.typeForClass(eventClass);
            IntermediateEventRepresentation current = new InitialEventRepresentation(new TrackedDomainEventData<>(
                    new GlobalSequenceTrackingToken(1), new GenericDomainEventEntry<>("Entitlement", "a", 0, "e",
                    Instant.EPOCH, type.getName(), type.getRevision(), "{}".getBytes(StandardCharsets.UTF_8),
                    "{}".getBytes(StandardCharsets.UTF_8))), serializer);

            List<IntermediateEventRepresentation> upcast = axon.upcasterChain().upcast(Stream.of(current)).toList();

            assertThat(upcast).as(eventClass.getSimpleName()).containsExactly(current);
        }
    }

    private List<TrackedEventMessage<?>> readByAxon() {
        try (Stream<? extends TrackedEventMessage<?>> events =
                     engine.readEvents(GapAwareTrackingToken.newInstance(before, Set.of()), false)) {
            return events.takeWhile(e -> e.trackingToken().position().orElseThrow() <= last)
                    .<TrackedEventMessage<?>>map(e -> e).toList();
        }
    }

    private void insert(String aggregate, String aggregateType, String payloadType, String payload) {
        jdbc.update("insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                        + " time_stamp, payload_type, payload_revision, payload, meta_data)"
                        + " values (?, ?, 0, ?, '2018-01-03T08:00:00Z', ?, null, ?, ?)",
                UUID.randomUUID().toString(), aggregate, aggregateType, payloadType,
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }
}
