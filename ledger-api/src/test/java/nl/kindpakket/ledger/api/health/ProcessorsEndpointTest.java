package nl.kindpakket.ledger.api.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.kindpakket.ledger.api.fault.RedemptionTally;
import nl.kindpakket.ledger.api.fault.TestDatabase;
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
        assertThat(tallyState.path("inError").asBoolean()).isFalse();
        assertThat(json(response).at("/processors/read-models/running").asBoolean()).isTrue();
    }

    @Test
    void processors_are_not_reset_through_the_endpoint_any_more_for_a_reset_would_count_everything_twice()
            throws Exception {
        assertThat(send("operator", "operator-test-password", "POST", "/actuator/processors/read-models/reset")
                .statusCode()).isIn(404, 405);
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
