package nl.kindpakket.ledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.kindpakket.ledger.core.api.refusals.InvalidInput;
import org.junit.jupiter.api.Test;

class EventLineWriterTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_line_carries_the_contract_fields_and_the_stored_payload_byte_for_byte() throws Exception {
        String payload = "{\"municipality\":\"westland\",\"amountCents\":4500,\"occurredOn\":\"2018-02-01\"}";
        String line = write(event("westland:2018:kind-1", "nl.kindpakket.ledger.core.api.events.RedeemedAtProvider", payload));

        assertThat(line).endsWith("\n").doesNotContain("\n\n");
        assertThat(line).contains("\"payload\":" + payload + "}");
        JsonNode node = JSON.readTree(line);
        assertThat(node.get("position").asLong()).isEqualTo(42);
        assertThat(node.get("type").asText()).isEqualTo("RedeemedAtProvider");
        assertThat(node.get("municipality").asText()).isEqualTo("westland");
        assertThat(node.get("aggregateId").asText()).isEqualTo("westland:2018:kind-1");
        assertThat(node.get("sequence").asLong()).isEqualTo(3);
        assertThat(node.get("recordedAt").asText()).isEqualTo("2018-02-01T10:00:00.123Z");
        assertThat(node.get("revision").isNull()).isTrue();
        assertThat(node.get("payload").get("amountCents").asLong()).isEqualTo(4500);
    }

    @Test
    void a_pretty_printed_payload_still_makes_one_line() throws Exception {
        String line = write(event("westland:x", "a.B", "{\n  \"reason\" : \"line\\nbreak\"\r\n}"));

        assertThat(line.strip()).doesNotContain("\n").doesNotContain("\r");
        assertThat(JSON.readTree(line).get("payload").get("reason").asText()).isEqualTo("line\nbreak");
    }

    @Test
    void text_fields_are_escaped_as_json() throws Exception {
        String line = write(event("west\"land:\\é\u0001😀", "a.B", "{}"));

        assertThat(JSON.readTree(line).get("aggregateId").asText()).isEqualTo("west\"land:\\é\u0001😀");
        assertThat(line).isASCII();
    }

    @Test
    void an_unknown_event_type_is_refused_rather_than_answered_with_nothing() {
        assertThat(EventFilter.of(null, "EntitlementGranted, RedeemedAtProvider").payloadTypes())
                .containsExactlyInAnyOrder("nl.kindpakket.ledger.core.api.events.EntitlementGranted",
                        "nl.kindpakket.ledger.core.api.events.RedeemedAtProvider");
        assertThatThrownBy(() -> EventFilter.of(null, "EntitlementGranted,Granted")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("Granted");
        assertThatThrownBy(() -> EventFilter.of(null, "LedgerEvent")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> EventFilter.of("West Land", null)).isInstanceOf(InvalidInput.class);
    }

    private static StoredEvent event(String aggregateId, String payloadType, String payload) {
        return new StoredEvent(42, "0b8a-uuid", payloadType, aggregateId, 3, "2018-02-01T10:00:00.123Z", null,
                payload.getBytes(StandardCharsets.UTF_8));
    }

    private static String write(StoredEvent event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventLineWriter lines = new EventLineWriter(out);
        lines.write(event);
        lines.flush();
        return out.toString(StandardCharsets.UTF_8);
    }
}
