package nl.kindpakket.ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A client of the running service over real HTTP, signing in as one of the test profile's users. */
public final class LedgerHttp {

    /** Users of application-test.yml, by name. */
    static final Map<String, String> PASSWORDS = Map.of(
            "staff", "staff-test-password",
            "other-staff", "other-test-password",
            "pool", "pool-test-password",
            "other-pool", "other-pool-test-password",
            "club", "club-test-password",
            "auditor", "auditor-test-password",
            "council", "council-test-password",
            "integrator", "integrator-test-password",
            "operator", "operator-test-password");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    public LedgerHttp(int port) {
        this.port = port;
    }

    public Answer post(String user, String path, String body) {
        return send(user, HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer get(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).GET());
    }

    public Answer send(String user, HttpRequest.Builder request) {
        if (user != null) {
            request.header("Authorization", basic(user, PASSWORDS.get(user)));
        }
        return send(request.timeout(Duration.ofSeconds(30)).build());
    }

    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Asserts a problem+json answer of the given status whose type and rule are the given slug. */
    public static void assertProblem(Answer answer, int status, String rule) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.type()).as(answer.toString()).isEqualTo("/problems/" + rule);
        assertThat(answer.json().path("rule").asText()).isEqualTo(rule);
        assertThat(answer.json().path("status").asInt()).isEqualTo(status);
        assertThat(answer.json().path("title").asText()).isNotBlank();
    }

    public record Answer(int status, String contentType, String location, String body, HttpHeaders headers) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        public String type() {
            return json().path("type").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
