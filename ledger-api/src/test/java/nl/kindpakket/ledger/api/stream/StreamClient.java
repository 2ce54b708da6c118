package nl.kindpakket.ledger.api.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads {@code GET /api/v1/events} over HTTP as an integrator would. */
final class StreamClient {

    static final String INTEGRATOR = "integrator";
    static final String INTEGRATOR_PASSWORD = "integrator-test-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;

    StreamClient(int port, String user, String password) {
        this.base = "http://127.0.0.1:" + port + "/api/v1/events";
        this.authorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static StreamClient integrator(int port) {
        return new StreamClient(port, INTEGRATOR, INTEGRATOR_PASSWORD);
    }

    static StreamClient anonymous(int port) {
        return new StreamClient(port, null, null);
    }

    Response get(String query) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "?" + query)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue(EventStreamController.NEXT_AFTER).map(Long::parseLong).orElse(null),
                    response.headers().firstValue(EventStreamController.HORIZON).map(Long::parseLong).orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String contentType, Long nextAfter, Long horizon, String body) {

        List<JsonNode> lines() {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : body.split("\n")) {
                if (!line.isEmpty()) {
                    try {
                        lines.add(JSON.readTree(line));
                    } catch (IOException e) {
                        throw new UncheckedIOException("not a JSON line: " + line, e);
                    }
                }
            }
            return lines;
        }

        List<Long> positions() {
            return lines().stream().map(line -> line.get("position").asLong()).toList();
        }
    }
}
