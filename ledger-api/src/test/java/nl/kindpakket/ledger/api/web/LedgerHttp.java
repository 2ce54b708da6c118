package nl.kindpakket.ledger.api.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A client of the running service over real HTTP, signing in as one of the test profile's users. */
final class LedgerHttp {

    /** Users of application-test.yml, by name. */
    static final Map<String, String> PASSWORDS = Map.of(
            "staff", "staff-test-password",
            "other-staff", "other-test-password",
            "pool", "pool-test-password",
            "other-pool", "other-pool-test-password",
            "auditor", "auditor-test-password",
            "council", "council-test-password",
            "integrator", "integrator-test-password",
            "operator", "operator-test-password");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    LedgerHttp(int port) {
        this.port = port;
    }

    Answer post(String user, String path, String body) {
        return send(user, HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer get(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).GET());
    }

    Answer send(String user, HttpRequest.Builder request) {
        if (user != null) {
            request.header("Authorization", basic(user, PASSWORDS.get(user)));
        }
        return send(request.timeout(Duration.ofSeconds(30)).build());
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    record Answer(int status, String contentType, String location, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        String type() {
            return json().path("type").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
