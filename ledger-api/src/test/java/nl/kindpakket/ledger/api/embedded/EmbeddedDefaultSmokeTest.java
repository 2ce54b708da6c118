package nl.kindpakket.ledger.api.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The embedded default (file H2, no profile) starts, migrates, takes a redemption end to end and runs an annual reset. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.security.users[0].name=staff",
        "ledger.security.users[0].password=embedded-staff",
        "ledger.security.users[0].role=MUNICIPALITY_STAFF",
        "ledger.security.users[0].municipality=westland",
        "ledger.security.users[1].name=pool",
        "ledger.security.users[1].password=embedded-pool",
        "ledger.security.users[1].role=PROVIDER",
        "ledger.security.users[1].municipality=westland",
        "ledger.security.users[1].provider-id=zwembad-naaldwijk",
        "ledger.security.users[2].name=resetter",
        "ledger.security.users[2].password=embedded-resetter",
        "ledger.security.users[2].role=MUNICIPALITY_STAFF",
        "ledger.security.users[2].municipality=enschede"})
class EmbeddedDefaultSmokeTest {

    static Path dataDir;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.axonframework.commandhandling.gateway.CommandGateway commands;

    @Autowired
    nl.kindpakket.ledger.api.store.ReadAheadEventStorageEngine storage;

    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void embeddedDatabaseInATemporaryDirectory(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("ledger-h2");
        registry.add("ledger.data-dir", () -> dataDir.toString());
    }

    @AfterAll
    static void removeData() throws IOException {
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void the_embedded_default_runs_on_h2_and_redeems_a_pass() throws Exception {
        assertThat(jdbc.queryForObject("select h2version()", String.class)).isNotBlank();
        assertThat(Files.list(dataDir).map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("ledger"));

        assertThat(post("staff:embedded-staff", "/years/2026/spending-lines",
                "{\"code\":\"1\",\"name\":\"Sport en cultuur\",\"amountCents\":100000,\"allocationId\":\"a-1\"}").statusCode()).isEqualTo(201);
        assertThat(post("staff:embedded-staff", "/providers",
                "{\"providerId\":\"zwembad-naaldwijk\",\"name\":\"Zwembad\",\"spendingLines\":[\"1\"]}").statusCode()).isEqualTo(201);
        assertThat(post("staff:embedded-staff", "/years/2026/entitlements",
                "{\"childRef\":\"kind-1\",\"passNumber\":\"WP-0001\",\"credits\":{\"1\":15000},\"grantedOn\":\"2026-01-05\"}").statusCode()).isEqualTo(201);

        HttpResponse<String> redeemed = post("pool:embedded-pool", "/redemptions",
                "{\"redemptionId\":\"kassa-1\",\"passNumber\":\"WP-0001\",\"providerId\":\"zwembad-naaldwijk\","
                        + "\"spendingLine\":\"1\",\"amountCents\":4500,\"occurredAt\":\"2026-02-01T10:00:00Z\"}");

        assertThat(redeemed.statusCode()).isEqualTo(201);
        assertThat(redeemed.body()).contains("\"lineBalanceAfterCents\":10500");
        HttpResponse<String> repeated = post("pool:embedded-pool", "/redemptions",
                "{\"redemptionId\":\"kassa-1\",\"passNumber\":\"WP-0001\",\"providerId\":\"zwembad-naaldwijk\","
                        + "\"spendingLine\":\"1\",\"amountCents\":4500,\"occurredAt\":\"2026-02-01T10:00:00Z\"}");
        assertThat(repeated.statusCode()).as("a repeat on H2 gets the first answer").isEqualTo(200);
        assertThat(repeated.body()).isEqualTo(redeemed.body());
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier like 'westland:%'", Integer.class)).isEqualTo(5);
        String entitlement = jdbc.queryForObject("select aggregate_identifier from domain_event_entry"
                + " where aggregate_identifier like 'westland:%' and type = 'Entitlement' and sequence_number = 0", String.class);
        org.axonframework.messaging.unitofwork.DefaultUnitOfWork<?> load = org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(null);
        assertThat(storage.readSnapshot(entitlement)).as("no snapshot, read with the events in one query").isEmpty();
        assertThat(storage.readEvents(entitlement, 0).asStream().map(event -> event.getSequenceNumber()))
                .as("an uncached load's events on H2").startsWith(0L, 1L).hasSize(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?", Integer.class, entitlement));
        load.commit();
        assertThat(post("pool:embedded-pool", "/redemptions",
                "{\"redemptionId\":\"kassa-2\",\"passNumber\":\"WP-0001\",\"providerId\":\"zwembad-naaldwijk\","
                        + "\"spendingLine\":\"1\",\"amountCents\":20000,\"occurredAt\":\"2026-02-01T10:05:00Z\"}").statusCode()).isEqualTo(422);
    }

    @Test
    void the_embedded_default_runs_an_annual_reset_in_chunks() throws Exception {
        assertThat(post("resetter:embedded-resetter", "enschede", "/years/2025/spending-lines",
                "{\"code\":\"8\",\"name\":\"Zwemles\",\"amountCents\":50000,\"allocationId\":\"reset-2025\"}").statusCode()).isEqualTo(201);
        assertThat(post("resetter:embedded-resetter", "enschede", "/years/2026/spending-lines",
                "{\"code\":\"9\",\"name\":\"Zwemles\",\"amountCents\":50000,\"allocationId\":\"reset-2026\"}").statusCode()).isEqualTo(201);
        for (int child = 1; child <= 3; child++) {
            assertThat(post("resetter:embedded-resetter", "enschede", "/years/2025/entitlements", "{\"childRef\":\"reset-kind-" + child
                    + "\",\"passNumber\":\"WP-090" + child + "\",\"credits\":{\"8\":5000},\"grantedOn\":\"2025-03-01\"}").statusCode())
                    .isEqualTo(201);
        }

        HttpResponse<String> submitted = post("resetter:embedded-resetter", "enschede", "/annual-resets",
                "{\"fromYear\":2025,\"toYear\":2026,\"effectiveOn\":\"2026-01-01\",\"renewals\":["
                        + "{\"childRef\":\"reset-kind-1\",\"passNumber\":\"WP-0911\",\"credits\":{\"9\":6000}},"
                        + "{\"childRef\":\"reset-kind-2\",\"passNumber\":\"WP-0912\",\"credits\":{\"9\":6000}}]}");

        assertThat(submitted.statusCode()).isEqualTo(202);
        String job = submitted.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        await().atMost(Duration.ofSeconds(30)).until(() -> get("resetter:embedded-resetter", "enschede", "/annual-resets/" + job).body().contains("\"status\":\"DONE\""));
        assertThat(jdbc.queryForList("select entitlement_id, status from entitlement_registry where municipality = 'enschede'"
                        + " and entitlement_id like 'enschede:%:reset-kind-%' order by entitlement_id"))
                .extracting(row -> row.get("ENTITLEMENT_ID") + " " + row.get("STATUS"))
                .containsExactly("enschede:2025:reset-kind-1 EXPIRED", "enschede:2025:reset-kind-2 EXPIRED",
                        "enschede:2025:reset-kind-3 EXPIRED", "enschede:2026:reset-kind-1 ACTIVE", "enschede:2026:reset-kind-2 ACTIVE");
        assertThat(jdbc.queryForList("select status from annual_reset_renewal where job_id = ? order by position", String.class, job))
                .containsExactly("GRANTED", "GRANTED");
    }

    @Test
    void the_embedded_event_table_refuses_an_update_too() {
        commands.sendAndWait(new nl.kindpakket.ledger.core.api.commands.AllocateBudget(new nl.kindpakket.ledger.core.api.Municipality("smoketown"),
                2026, new nl.kindpakket.ledger.core.api.SpendingLineCode("1"), "Sport", nl.kindpakket.ledger.core.api.Money.ofCents(100),
                "smoke-1", null, java.time.LocalDate.of(2026, 1, 1)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("update domain_event_entry set type = 'x' where aggregate_identifier = 'smoketown:2026'"))
                .hasMessageContaining("append-only");
    }

    private HttpResponse<String> get(String user, String municipality, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/municipalities/" + municipality + path))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String user, String path, String json) throws Exception {
        return post(user, "westland", path, json);
    }

    private HttpResponse<String> post(String user, String municipality, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/municipalities/" + municipality + path))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
