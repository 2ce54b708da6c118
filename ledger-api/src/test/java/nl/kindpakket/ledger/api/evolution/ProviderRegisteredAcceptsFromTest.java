package nl.kindpakket.ledger.api.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import nl.kindpakket.ledger.api.store.StoreConfiguration;
import nl.kindpakket.ledger.core.api.events.ProviderRegistered;
import nl.kindpakket.ledger.core.api.events.ProviderSuspended;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/** The upcaster against the stored form of the old revision, kept as a fixture in the event catalogue. */
class ProviderRegisteredAcceptsFromTest {

    final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new StoreConfiguration().defaultAxonObjectMapper()).build();
    final ProviderRegisteredAcceptsFrom upcaster = new ProviderRegisteredAcceptsFrom();

    @Test
    void a_registration_stored_before_revisions_accepts_passes_from_the_day_it_was_registered() throws Exception {
        byte[] stored = Files.readAllBytes(EventDocs.example("ProviderRegistered.r1.json"));

        IntermediateEventRepresentation upcast = upcastOne(ProviderRegistered.class.getName(), null, stored);

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        ProviderRegistered event = deserialize(upcast);
        assertThat(event.registeredOn()).isEqualTo(LocalDate.of(2018, 1, 3));
        assertThat(event.acceptsFrom()).isEqualTo(event.registeredOn());
        assertThat(event.spendingLines()).containsExactly("1", "3");
    }

    @Test
    void a_registration_of_revision_1_is_upcast_alike() throws Exception {
        byte[] stored = Files.readAllBytes(EventDocs.example("ProviderRegistered.r1.json"));

        ProviderRegistered event = deserialize(upcastOne(ProviderRegistered.class.getName(), "1", stored));

        assertThat(event.acceptsFrom()).isEqualTo(LocalDate.of(2018, 1, 3));
    }

    @Test
    void a_registration_of_revision_2_is_left_as_it_is() {
        byte[] stored = ("{\"municipality\":\"westland\",\"providerId\":\"bieb\",\"name\":\"Bibliotheek\",\"spendingLines\":[\"3\"],"
                + "\"registeredOn\":\"2019-01-03\",\"acceptsFrom\":\"2019-02-01\"}").getBytes(StandardCharsets.UTF_8);

        IntermediateEventRepresentation read = upcastOne(ProviderRegistered.class.getName(), "2", stored);

        assertThat(read.getType().getRevision()).isEqualTo("2");
        assertThat(deserialize(read).acceptsFrom()).isEqualTo(LocalDate.of(2019, 2, 1));
    }

    @Test
    void other_events_pass_untouched() {
        byte[] stored = "{\"municipality\":\"westland\",\"providerId\":\"bieb\",\"reason\":\"gesloten\",\"suspendedOn\":\"2019-03-01\"}"
                .getBytes(StandardCharsets.UTF_8);

        IntermediateEventRepresentation read = upcastOne(ProviderSuspended.class.getName(), null, stored);

        assertThat(read.getType().getRevision()).isNull();
        assertThat(read.getData(byte[].class).getData()).isEqualTo(stored);
    }

    private IntermediateEventRepresentation upcastOne(String payloadType, String revision, byte[] payload) {
        GenericDomainEventEntry<byte[]> row = new GenericDomainEventEntry<>("Provider", "westland:zwembad-naaldwijk", 0,
                "event-1", "2018-01-03T08:00:00Z", payloadType, revision, payload, "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = upcaster.upcast(Stream.of(new InitialEventRepresentation(row, serializer))).toList();
        assertThat(upcast).hasSize(1);
        return upcast.get(0);
    }

    private ProviderRegistered deserialize(IntermediateEventRepresentation event) {
        SerializedObject<byte[]> data = event.getData(byte[].class);
        return serializer.deserialize(data);
    }
}
