package nl.kindpakket.ledger.api.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The embedded default (file H2, no profile) starts, migrates and takes a redemption end to end. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.security.users[0].name=staff",
        "ledger.security.users[0].password=embedded-staff",
        "ledger.security.users[0].role=MUNICIPALITY_STAFF",
        "ledger.security.users[0].municipality=westland",
        "ledger.security.users[1].name=pool",
        "ledger.security.users[1].password=embedded-pool",
        "ledger.security.users[1].role=PROVIDER",
        "ledger.security.users[1].municipality=westland",
        "ledger.security.users[1].provider-id=zwembad-naaldwijk"})
class EmbeddedDefaultSmokeTest {

    static Path dataDir;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.axonframework.commandhandling.gateway.CommandGateway commands;

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
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier like 'westland:%'", Integer.class)).isEqualTo(5);
        assertThat(post("pool:embedded-pool", "/redemptions",
                "{\"redemptionId\":\"kassa-2\",\"passNumber\":\"WP-0001\",\"providerId\":\"zwembad-naaldwijk\","
                        + "\"spendingLine\":\"1\",\"amountCents\":20000,\"occurredAt\":\"2026-02-01T10:05:00Z\"}").statusCode()).isEqualTo(422);
    }

    @Test
    void the_embedded_event_table_refuses_an_update_too() {
        commands.sendAndWait(new nl.kindpakket.ledger.core.api.commands.AllocateBudget(new nl.kindpakket.ledger.core.api.Municipality("smoketown"),
                2026, new nl.kindpakket.ledger.core.api.SpendingLineCode("1"), "Sport", nl.kindpakket.ledger.core.api.Money.ofCents(100),
                "smoke-1", null, java.time.LocalDate.of(2026, 1, 1)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("update domain_event_entry set type = 'x' where aggregate_identifier = 'smoketown:2026'"))
                .hasMessageContaining("append-only");
    }

    private HttpResponse<String> post(String user, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/municipalities/westland" + path))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
