package nl.kindpakket.ledger.api.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.kindpakket.ledger.api.fault.RedemptionTally;
import nl.kindpakket.ledger.api.fault.TestDatabase;
import nl.kindpakket.ledger.api.fault.Town;
import nl.kindpakket.ledger.core.api.events.RedeemedAtProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.health.max-lag-events=0", "ledger.metrics.positions-max-age=0s", "spring.datasource.hikari.maximum-pool-size=6"})
@ActiveProfiles("test")
// its processors stop with it, and no idle pool is left behind
@DirtiesContext
@Import({RedemptionTally.class, ReadinessTest.Flaky.class})
class ReadinessTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    CommandGateway commands;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    Flaky flaky;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void aStoreOfItsOwn(DynamicPropertyRegistry properties) throws Exception {
        String url = TestDatabase.freshStore("ops_readiness");
        properties.add("spring.datasource.url", () -> url);
    }

    @BeforeEach
    void someRedemptionsAllHandled() {
        Town town = Town.founded(commands, "health");
        town.grant(1, 10_000);
        for (int i = 0; i < 5; i++) {
            town.redeem(1, "r-" + i, 100);
        }
        awaitHealth("readiness", 200, body -> true);
    }

    @AfterEach
    void healed() {
        flaky.failing.set(false);
        tally().start();
    }

    @Test
    void the_service_is_ready_when_the_store_answers_and_every_processor_keeps_up() {
        JsonNode readiness = awaitHealth("readiness", 200, body -> true);

        assertThat(readiness.path("components").fieldNames()).toIterable().containsExactlyInAnyOrder("db", "processors", "readinessState");
        assertThat(readiness.at("/components/processors/details/" + RedemptionTally.GROUP + "/lag").asLong()).isZero();
    }

    @Test
    void readiness_fails_while_a_projection_is_rebuilt_and_returns_when_it_caught_up() {
        StreamingEventProcessor tally = tally();
        tally.shutDown();
        tally.resetTokens();

        JsonNode rebuilding = awaitHealth("readiness", 503, body -> true);
        assertThat(rebuilding.at("/components/processors/status").asText()).isEqualTo("OUT_OF_SERVICE");
        assertThat(rebuilding.at("/components/processors/details/" + RedemptionTally.GROUP + "/lag").asLong()).isPositive();

        tally.start();
        awaitHealth("readiness", 200, body -> true);
    }

    @Test
    void liveness_looks_at_the_process_only_so_a_rebuild_never_gets_it_restarted() {
        tally().shutDown();
        tally().resetTokens();

        JsonNode liveness = awaitHealth("liveness", 200, body -> true);

        assertThat(liveness.path("components").fieldNames()).toIterable().containsExactly("livenessState");
    }

    @Test
    void a_processor_whose_handler_fails_takes_the_service_down_until_it_recovers() {
        flaky.failing.set(true);
        Town.founded(commands, "health-flaky");

        JsonNode down = awaitHealth("readiness", 503,
                body -> "DOWN".equals(body.at("/components/processors/details/" + Flaky.GROUP + "/status").asText()));
        assertThat(down.at("/components/processors/status").asText()).isEqualTo("DOWN");

        flaky.failing.set(false);
        awaitHealth("readiness", 200, body -> true);
    }

    private StreamingEventProcessor tally() {
        return processing.eventProcessor(RedemptionTally.GROUP, StreamingEventProcessor.class).orElseThrow();
    }

    private JsonNode awaitHealth(String group, int status, Predicate<JsonNode> also) {
        return await("health/" + group + " answers " + status).atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> health(group), last -> last.getKey() == status && also.test(last.getValue())).getValue();
    }

    private Map.Entry<Integer, JsonNode> health(String group) {
        String credentials = Base64.getEncoder().encodeToString("operator:operator-test-password".getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/actuator/health/" + group))
                    .header("Authorization", "Basic " + credentials).GET().build(), HttpResponse.BodyHandlers.ofString());
            return Map.entry(response.statusCode(), new ObjectMapper().readTree(response.body()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A read model that fails on every event while told to, as one whose table was dropped. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Flaky {

        static final String GROUP = "flaky";

        final AtomicBoolean failing = new AtomicBoolean();

        @Bean
        FlakyProjection flakyProjection() {
            return new FlakyProjection(failing);
        }
    }

    @ProcessingGroup(Flaky.GROUP)
    record FlakyProjection(AtomicBoolean failing) {

        @EventHandler
        void on(Object event) {
            if (failing.get()) {
                throw new IllegalStateException("the read model's table is gone");
            }
        }
    }
}
