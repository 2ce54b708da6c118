package nl.kindpakket.ledger.api.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.kindpakket.ledger.api.metrics.CommandMetrics;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL ends the service's sessions, as a fast shutdown or an administrator does (pg_terminate_backend,
 * SQLState 57P01), three times while six clients redeem. No answer is a 500, every failure is a 503 with
 * Retry-After, and no answer claims "nothing was recorded" for a redemption that was: a retry with the same
 * identifier finds out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.data-source-properties.ApplicationName=" + TerminatedConnectionsTest.APPLICATION,
        "spring.datasource.hikari.maximum-pool-size=8", "spring.datasource.hikari.connection-timeout=2000",
        "ledger.security.users[0].name=till", "ledger.security.users[0].password=till-password",
        "ledger.security.users[0].role=MUNICIPALITY_STAFF", "ledger.security.users[0].municipality=" + TerminatedConnectionsTest.TOWN})
@ActiveProfiles("test")
@DirtiesContext
@AutoConfigureObservability(tracing = false)
class TerminatedConnectionsTest {

    static final String TOWN = "terminated";
    static final String APPLICATION = "ledger-terminated-test";
    private static final int CLIENTS = 6;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry registry;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private Town town;

    @DynamicPropertySource
    static void aStoreOfItsOwn(DynamicPropertyRegistry properties) throws Exception {
        String url = TestDatabase.freshStore("fault_terminated");
        properties.add("spring.datasource.url", () -> url);
    }

    @Test
    void sessions_ended_by_the_database_answer_503_and_never_claim_nothing_was_recorded_when_it_was() throws Exception {
        town = Town.named(commands, TOWN);
        for (int child = 0; child < CLIENTS; child++) {
            town.grant(child, 1_000_000);
        }
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int child = 0; child < CLIENTS; child++) {
            int mine = child;
            clients.submit(() -> redeemUntilStopped(mine, running));
        }

        awaitCreated(30);
        for (int round = 0; round < 3; round++) {
            assertThat(terminateTheServicesSessions()).as("sessions ended in round %s", round).isPositive();
            Thread.sleep(700);
        }
        awaitCreated(created.size() + 30);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(failures.values()).as("every failure is a 503 with Retry-After")
                .allMatch(kind -> kind.equals("store-unavailable") || kind.equals("outcome-unknown"));
        Set<String> stored = storedRedemptionIds();
        failures.forEach((redemptionId, kind) -> {
            if (kind.equals("store-unavailable")) {
                assertThat(stored).as("answered 'nothing was recorded'").doesNotContain(redemptionId);
            }
            int retry = retryUntilAnswered(redemptionId);
            assertThat(retry).as("retry of %s, first answered %s", redemptionId, kind)
                    .isEqualTo(stored.contains(redemptionId) ? 200 : 201);
        });
        assertThat(redemptions("failed", "error")).as("failures counted as bugs").isZero();
    }

    private void redeemUntilStopped(int child, AtomicBoolean running) {
        for (int n = 0; running.get(); n++) {
            String redemptionId = "t" + child + "-" + n;
            HttpResponse<String> answer = redeem(child, redemptionId);
            if (answer.statusCode() == 201) {
                created.add(redemptionId);
            } else {
                failures.put(redemptionId, kindOf(answer));
            }
        }
    }

    private static String kindOf(HttpResponse<String> answer) {
        if (answer.statusCode() != 503 || answer.headers().firstValue("Retry-After").isEmpty()) {
            return answer.statusCode() + " " + answer.body();
        }
        for (String kind : List.of("store-unavailable", "outcome-unknown")) {
            if (answer.body().contains("\"/problems/" + kind + "\"")) {
                return kind;
            }
        }
        return answer.statusCode() + " " + answer.body();
    }

    private int retryUntilAnswered(String redemptionId) {
        int child = Integer.parseInt(redemptionId.substring(1, redemptionId.indexOf('-')));
        for (int attempt = 0; attempt < 20; attempt++) {
            HttpResponse<String> answer = redeem(child, redemptionId);
            if (answer.statusCode() != 503) {
                return answer.statusCode();
            }
            pause(250);
        }
        throw new AssertionError("no answer but 503 for " + redemptionId);
    }

    private HttpResponse<String> redeem(int child, String redemptionId) {
        String body = """
                {"redemptionId":"%s","passNumber":"%s","providerId":"%s","spendingLine":"%s","amountCents":1,"occurredAt":"%s"}"""
                .formatted(redemptionId, town.pass(child).value(), Town.POOL.value(), Town.LINE.value(), Town.REDEEMED_AT);
        String credentials = Base64.getEncoder().encodeToString("till:till-password".getBytes(StandardCharsets.UTF_8));
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/municipalities/" + TOWN
                                    + "/redemptions"))
                            .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** As an administrator would: every session of this service ends with 57P01. */
    private int terminateTheServicesSessions() throws Exception {
        TestDatabase database = TestDatabase.fromSystemProperty();
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + database.host() + ":" + database.port()
                + "/" + database.database(), "postgres", "");
             PreparedStatement terminate = admin.prepareStatement("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                     + " where application_name = ? and pid <> pg_backend_pid()")) {
            terminate.setString(1, APPLICATION);
            var rows = terminate.executeQuery();
            rows.next();
            return rows.getInt(1);
        }
    }

    private Set<String> storedRedemptionIds() {
        return Set.copyOf(jdbc.queryForList("select convert_from(payload, 'UTF8')::json ->> 'redemptionId' from domain_event_entry"
                + " where payload_type like '%.RedeemedAtProvider'", String.class));
    }

    private void awaitCreated(int count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (created.size() < count) {
            assertThat(System.nanoTime()).as("%s redemptions created within %s; failures %s", count, PATIENCE, failures)
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private double redemptions(String outcome, String reason) {
        Counter counter = registry.find(CommandMetrics.COMMANDS)
                .tags("command", "RedeemAtProvider", "outcome", outcome, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
