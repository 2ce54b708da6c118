package nl.kindpakket.ledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.kindpakket.ledger.api.evolution.EventDocs;
import nl.kindpakket.ledger.api.reset.AnnualResets;
import nl.kindpakket.ledger.core.api.Municipality;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The event catalogue's schemas against events the ledger really wrote. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventSchemasTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    CommandGateway commands;
    @Autowired
    AnnualResets resets;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    final Municipality town = new Municipality("schema-" + UUID.randomUUID().toString().substring(0, 8));

    @BeforeAll
    void aYearWithEveryKindOfEvent() {
        new EveryEventType(commands, resets, town, jdbc).drive();
    }

    @Test
    void every_event_the_ledger_wrote_matches_the_schema_of_its_type() {
        TreeMap<String, List<String>> errorsByType = new TreeMap<>();
        Set<String> seen = new TreeSet<>();
        jdbc.query("select payload_type, payload from domain_event_entry where aggregate_identifier like ? order by global_index", row -> {
            String type = row.getString(1).substring(row.getString(1).lastIndexOf('.') + 1);
            seen.add(type);
            List<String> errors = SchemaSubset.validate(schema(type), json(row.getBytes(2)));
            if (!errors.isEmpty()) {
                errorsByType.computeIfAbsent(type, t -> new ArrayList<>()).addAll(errors);
            }
        }, town.slug() + ":%");

        assertThat(seen).as("the story drives every event type").containsExactlyInAnyOrderElementsOf(eventTypes());
        assertThat(errorsByType).isEmpty();
    }

    @Test
    void every_stream_line_matches_the_line_schema() throws Exception {
        JsonNode lineSchema = read(EventDocs.root().resolve("stream-line.schema.json"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventLineWriter writer = new EventLineWriter(out);
        try (Connection connection = dataSource.getConnection()) {
            EventTable.stream(connection, new Page(-1, Long.MAX_VALUE, Long.MAX_VALUE), new EventFilter(town.slug(), Set.of()), 100,
                    writer::write);
        }
        writer.flush();
        List<String> lines = out.toString().lines().toList();

        assertThat(lines).hasSizeGreaterThanOrEqualTo(eventTypes().size());
        for (String line : lines) {
            JsonNode event = json(line.getBytes());
            assertThat(SchemaSubset.validate(lineSchema, event)).as(line).isEmpty();
            assertThat(SchemaSubset.validate(schema(event.get("type").asText()), event.get("payload"))).as(line).isEmpty();
        }
    }

    @Test
    void the_catalogue_has_one_schema_per_event_type_and_documents_every_field() throws Exception {
        String catalogue = Files.readString(EventDocs.root().resolve("README.md"));
        try (Stream<Path> files = Files.list(EventDocs.root().resolve("schemas"))) {
            assertThat(files.map(file -> file.getFileName().toString().replace(".schema.json", "")))
                    .containsExactlyInAnyOrderElementsOf(eventTypes());
        }
        for (String type : eventTypes()) {
            int start = catalogue.indexOf("### " + type + "\n");
            assertThat(start).as("a section for " + type).isNotNegative();
            int end = catalogue.indexOf("\n### ", start + 1);
            String section = catalogue.substring(start, end < 0 ? catalogue.length() : end);
            for (String field : (Iterable<String>) () -> schema(type).get("properties").fieldNames()) {
                assertThat(section).as(type).contains("| `" + field + "` |");
            }
            assertThat(section).as(type).contains("Revision: " + schema(type).get("x-revision").asText());
        }
    }

    @Test
    void a_schema_refuses_what_the_ledger_would_never_write() {
        ObjectNode redemption = (ObjectNode) json(("{\"entitlementId\":\"westland:2018:kind-1\",\"municipality\":\"westland\",\"year\":2018,"
                + "\"childRef\":\"kind-1\",\"redemptionId\":\"kassa-1\",\"passNumber\":\"WP-0001\",\"providerId\":\"zwembad\","
                + "\"spendingLine\":\"1\",\"amountCents\":4500,\"lineBalanceAfterCents\":10500,\"occurredAt\":\"2018-03-10T10:00:00Z\","
                + "\"occurredOn\":\"2018-03-10\"}").getBytes());
        JsonNode schema = schema("RedeemedAtProvider");
        assertThat(SchemaSubset.validate(schema, redemption)).isEmpty();

        assertThat(SchemaSubset.validate(schema, redemption.deepCopy().put("amountEuros", 45.0))).hasSize(1);
        assertThat(SchemaSubset.validate(schema, redemption.deepCopy().put("amountCents", 45.5))).hasSize(1);
        assertThat(SchemaSubset.validate(schema, redemption.deepCopy().put("amountCents", 0))).hasSize(1);
        assertThat(SchemaSubset.validate(schema, redemption.deepCopy().put("occurredOn", "10-03-2018"))).hasSize(1);
        assertThat(SchemaSubset.validate(schema, redemption.deepCopy().put("municipality", "West Land"))).hasSize(1);
        assertThat(SchemaSubset.validate(schema, redemption.deepCopy().without("occurredAt"))).hasSize(1);
    }

    static Set<String> eventTypes() {
        return EveryEventType.classes().stream().map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static JsonNode schema(String type) {
        return read(EventDocs.schema(type));
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
