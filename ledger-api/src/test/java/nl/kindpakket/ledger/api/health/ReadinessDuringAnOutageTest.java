package nl.kindpakket.ledger.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import nl.kindpakket.ledger.api.fault.TcpProxy;
import nl.kindpakket.ledger.api.fault.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Probes time out at 3 s: while the database is away, readiness must say so well within that, although the pool
 * waits far longer for a connection (30 s here, Hikari's default). The database is taken away by a proxy of this
 * test's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.metrics.positions-max-age=0s", "spring.datasource.hikari.maximum-pool-size=4"})
@ActiveProfiles("test")
@DirtiesContext
class ReadinessDuringAnOutageTest {

    private static final Duration PROBE_BUDGET = Duration.ofSeconds(2);
    /** Left open until the JVM ends: the context, closed after this class, still shuts its processors down through it. */
    private static TcpProxy proxy;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry properties) throws Exception {
        TestDatabase database = TestDatabase.fromSystemProperty();
        database.freshSchema("fault_readiness");
        proxy = new TcpProxy(database.host(), database.port());
        properties.add("spring.datasource.url", () -> database.url(proxy.port(), "fault_readiness"));
    }

    @Test
    void readiness_answers_503_within_two_seconds_while_the_database_is_away_and_200_once_it_is_back() throws Exception {
        assertThat(awaitReadiness(200).status()).isEqualTo(200);

        proxy.cut();
        try {
            for (int probe = 0; probe < 5; probe++) {
                Probe answer = probe();
                assertThat(answer.took()).as("probe %s: %s", probe, answer).isLessThan(PROBE_BUDGET);
                assertThat(answer.status()).as("probe %s: %s", probe, answer).isEqualTo(503);
            }
        } finally {
            proxy.restore();
        }

        assertThat(awaitReadiness(200).status()).isEqualTo(200);
    }

    @Test
    void liveness_stays_up_while_the_database_is_away() throws Exception {
        proxy.cut();
        try {
            HttpResponse<String> liveness = get("/actuator/health/liveness");
            assertThat(liveness.statusCode()).isEqualTo(200);
        } finally {
            proxy.restore();
        }
    }

    private Probe awaitReadiness(int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Probe last = probe();
        while (last.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(200);
            last = probe();
        }
        return last;
    }

    private Probe probe() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = get("/actuator/health/readiness");
        return new Probe(response.statusCode(), Duration.ofNanos(System.nanoTime() - started), response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    record Probe(int status, Duration took, String body) {
    }
}
