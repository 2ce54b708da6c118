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
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.kindpakket.ledger.api.fault.RedemptionTally;
import nl.kindpakket.ledger.api.fault.TestDatabase;
import nl.kindpakket.ledger.api.fault.Town;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.metrics.positions-max-age=0s", "spring.datasource.hikari.maximum-pool-size=6"})
@ActiveProfiles("test")
@DirtiesContext
@Import(RedemptionTally.class)
class ProcessorsEndpointTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    RedemptionTally tally;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void aStoreOfItsOwn(DynamicPropertyRegistry properties) throws Exception {
        String url = TestDatabase.freshStore("ops_processors");
        properties.add("spring.datasource.url", () -> url);
    }

    @Test
    void an_operator_sees_where_every_read_model_stands() throws Exception {
        HttpResponse<String> response = send("operator", "operator-test-password", "GET", "/actuator/processors");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode tallyState = json(response).at("/processors/" + RedemptionTally.GROUP);
        assertThat(tallyState.path("running").asBoolean()).isTrue();
        assertThat(tallyState.has("lag")).isTrue();
        assertThat(tallyState.has("replayProgress")).isTrue();
    }

    @Test
    void an_operator_rebuilds_a_read_model_and_it_ends_with_the_same_figures() throws Exception {
        Town town = Town.founded(commands, "rebuild");
        town.grant(1, 10_000);
        town.redeem(1, "r-1", 1_000);
        town.redeem(1, "r-2", 2_000);
        town.reverse(1, "r-1");
        List<Map<String, Object>> before = awaitTally(town, rows -> !rows.isEmpty() && rows.get(0).get("reversed_cents").equals(1_000L));

        HttpResponse<String> reset = send("operator", "operator-test-password", "POST",
                "/actuator/processors/" + RedemptionTally.GROUP + "/reset");

        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(202);
        assertThat(awaitTally(town, before::equals)).isEqualTo(before);
    }

    @Test
    void a_rebuild_is_for_operators_and_names_a_known_processor_and_action() throws Exception {
        assertThat(send("staff", "staff-test-password", "POST", "/actuator/processors/" + RedemptionTally.GROUP + "/reset")
                .statusCode()).isEqualTo(403);
        assertThat(send("operator", "operator-test-password", "POST", "/actuator/processors/no-such-model/reset")
                .statusCode()).isEqualTo(404);
        assertThat(send("operator", "operator-test-password", "POST", "/actuator/processors/" + RedemptionTally.GROUP + "/erase")
                .statusCode()).isEqualTo(400);
    }

    private List<Map<String, Object>> awaitTally(Town town, java.util.function.Predicate<List<Map<String, Object>>> done) {
        return await("the tally of " + town.slug()).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> tally.rows(town.slug()), done);
    }

    private HttpResponse<String> send(String user, String password, String method, String path) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return new ObjectMapper().readTree(response.body());
    }
}
