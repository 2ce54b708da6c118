package nl.kindpakket.ledger.api.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.kindpakket.ledger.core.api.Money;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.core.api.ProviderId;
import nl.kindpakket.ledger.core.api.SpendingLineCode;
import nl.kindpakket.ledger.core.api.commands.AllocateBudget;
import nl.kindpakket.ledger.core.api.commands.RegisterProvider;
import nl.kindpakket.ledger.core.api.commands.SuspendProvider;
import nl.kindpakket.ledger.core.api.events.ProviderRegistered;
import nl.kindpakket.ledger.core.api.events.ProviderSuspended;
import nl.kindpakket.ledger.core.api.refusals.IdempotencyConflict;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** A registration written before revision 2, stored as the ledger wrote it then, read back through the event store. */
@SpringBootTest
@ActiveProfiles("test")
class OldRevisionInTheStoreTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore events;
    @Autowired
    CommandGateway commands;

    final Municipality town = new Municipality("old-" + UUID.randomUUID().toString().substring(0, 8));
    final String provider = "zwembad-naaldwijk";
    String aggregateId;

    @BeforeEach
    void aRegistrationOfTheOldRevisionInTheStore() throws Exception {
        aggregateId = town.slug() + ":" + provider;
        String stored = Files.readString(EventDocs.example("ProviderRegistered.r1.json")).strip().replace("westland", town.slug());
        jdbc.update("insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                        + " payload_type, payload_revision, payload, meta_data) values (?, ?, 0, 'Provider', '2018-01-03T08:00:00Z', ?, null, ?, ?)",
                UUID.randomUUID().toString(), aggregateId, ProviderRegistered.class.getName(), stored.getBytes(), "{}".getBytes());
    }

    @Test
    void the_event_store_reads_it_as_the_current_revision() {
        List<? extends DomainEventMessage<?>> read = events.readEvents(aggregateId).asStream().toList();

        assertThat(read).hasSize(1);
        ProviderRegistered registered = (ProviderRegistered) read.get(0).getPayload();
        assertThat(registered.acceptsFrom()).isEqualTo(LocalDate.of(2018, 1, 3)).isEqualTo(registered.registeredOn());
        assertThat(registered.spendingLines()).containsExactly("1", "3");
    }

    @Test
    void the_aggregate_loads_from_it_and_handles_commands() {
        // the old registration is loaded: the provider is registered once
        assertThatThrownBy(() -> commands.sendAndWait(new RegisterProvider(town, new ProviderId(provider), "Zwembad Naaldwijk",
                Set.of(new SpendingLineCode("1"), new SpendingLineCode("3")), LocalDate.of(2018, 1, 3))))
                .isInstanceOf(IdempotencyConflict.class);
        commands.sendAndWait(new SuspendProvider(town, new ProviderId(provider), "verbouwing", LocalDate.of(2018, 7, 1)));

        List<Object> payloads = events.readEvents(aggregateId).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
        assertThat(payloads).hasSize(2);
        assertThat(payloads.get(1)).isEqualTo(new ProviderSuspended(town.slug(), provider, "verbouwing", LocalDate.of(2018, 7, 1)));
        assertThat(jdbc.queryForObject("select payload_revision from domain_event_entry where aggregate_identifier = ? and sequence_number = 1",
                String.class, aggregateId)).isEqualTo("1");
    }

    @Test
    void a_new_registration_is_written_at_revision_2_with_its_acceptsFrom() {
        String other = town.slug() + ":bieb";
        commands.sendAndWait(new AllocateBudget(town, 2019, new SpendingLineCode("3"), "Leermiddelen", Money.ofCents(100),
                "bieb-budget", null, LocalDate.of(2019, 1, 2)));
        commands.sendAndWait(new RegisterProvider(town, new ProviderId("bieb"), "Bibliotheek", Set.of(new SpendingLineCode("3")),
                LocalDate.of(2019, 1, 3)));

        assertThat(jdbc.queryForObject("select payload_revision from domain_event_entry where aggregate_identifier = ?", String.class, other))
                .isEqualTo("2");
        assertThat(new String(jdbc.queryForObject("select payload from domain_event_entry where aggregate_identifier = ?", byte[].class, other)))
                .contains("\"acceptsFrom\":\"2019-01-03\"");
    }
}
