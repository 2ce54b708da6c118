package nl.kindpakket.ledger.api.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.kindpakket.ledger.api.evolution.EventDocs;
import nl.kindpakket.ledger.api.processing.LiveTables;
import nl.kindpakket.ledger.api.readside.StoredEvents;
import nl.kindpakket.ledger.core.api.events.ProviderRegistered;
import nl.kindpakket.ledger.projections.fold.EventRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The embedded default (file H2) rebuilds all read models too, with the same figures afterwards. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.security.users[0].name=staff",
        "ledger.security.users[0].password=embedded-staff",
        "ledger.security.users[0].role=MUNICIPALITY_STAFF",
        "ledger.security.users[0].municipality=westland",
        "ledger.security.users[1].name=operator",
        "ledger.security.users[1].password=embedded-operator",
        "ledger.security.users[1].role=OPERATOR",
        "ledger.security.users[1].municipality=*",
        "ledger.rebuild.batch-size=50"})
class RebuildOnTheEmbeddedStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static Path dataDir;

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Serializer serializer;
    @Autowired
    StoredEvents events;
    @Autowired
    LiveTables live;

    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void embeddedDatabaseInATemporaryDirectory(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("ledger-h2-rebuild");
        registry.add("ledger.data-dir", () -> dataDir.toString());
    }

    @AfterAll
    static void removeData() throws IOException {
        try (var files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void all_read_models_rebuild_on_h2_to_the_same_figures() throws Exception {
        BusyYear year = new BusyYear(commands, "westland", 2025, "h2").record(40);
        ReadModelsCaughtUp.await(jdbc, serializer);
        List<JsonNode> before = reports(year);

        HttpResponse<String> started = send("operator:embedded-operator", HttpRequest.newBuilder(uri(
                "/api/v1/operator/projections/all/rebuild")).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonNode status = JSON.readTree(started.body());
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (status.path("finishedAt").isNull()) {
            assertThat(System.nanoTime()).as(status.toString()).isLessThan(deadline);
            assertThat(reports(year)).isEqualTo(before);
            status = JSON.readTree(send("operator:embedded-operator", HttpRequest.newBuilder(uri(location)).GET()).body());
        }

        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("DONE");
        assertThat(status.path("eventsDone").asLong())
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class));
        assertThat(reports(year)).isEqualTo(before);
    }

    /** The rebuild's reading on H2: an event of an earlier revision takes the rest of its row while the cursor is open. */
    @Test
    void an_event_of_an_earlier_revision_is_read_upcast() throws Exception {
        long before = events.lastPosition();
        String revision1 = Files.readString(EventDocs.example("ProviderRegistered.r1.json")).strip();
        jdbc.update("insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                        + " time_stamp, payload_type, payload_revision, payload, meta_data)"
                        + " values (?, 'westland:zwembad-oud', 0, 'Provider', '2018-01-03T08:00:00Z', ?, null, ?, ?)",
                UUID.randomUUID().toString(), ProviderRegistered.class.getName(),
                revision1.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        List<EventRecord> read = new ArrayList<>();

        events.read(StoredEvents.Range.between(before, events.lastPosition()), live.dialect(), read::add);

        assertThat(read).hasSize(1);
        ProviderRegistered registered = (ProviderRegistered) read.get(0).payload();
        assertThat(registered.acceptsFrom()).isEqualTo(LocalDate.of(2018, 1, 3)).isEqualTo(registered.registeredOn());
        assertThat(read.get(0).aggregateId()).isEqualTo("westland:zwembad-oud");
        assertThat(read.get(0).recordedAt()).isEqualTo(Instant.parse("2018-01-03T08:00:00Z"));
    }

    private List<JsonNode> reports(BusyYear year) throws Exception {
        String base = "/api/v1/municipalities/westland";
        return List.of(get(base + "/reports/monthly-passes?year=2025"), get(base + "/reports/spending-lines?year=2025"),
                get(base + "/reports/overhead?year=2025"), get(base + "/reports/providers?year=2025"),
                get(base + "/years/2025/entitlements/" + year.childRef(3)));
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> answer = send("staff:embedded-staff", HttpRequest.newBuilder(uri(path)).GET());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> send(String credentials, HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
