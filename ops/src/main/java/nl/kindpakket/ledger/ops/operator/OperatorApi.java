package nl.kindpakket.ledger.ops.operator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The ledger's operator API over HTTP, signed in with HTTP Basic as one user. Its answers are small JSON documents,
 * read whole; a status other than 2xx is an answer too, not an exception, since the command explains each one.
 */
public final class OperatorApi {

    public static final String PROJECTIONS = "/api/v1/operator/projections";
    public static final String RECONCILIATIONS = "/api/v1/operator/reconciliations";

    /** Read with the service's own records, tolerating fields a newer service may add. */
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static final Duration CONNECT = Duration.ofSeconds(10);
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT).build();
    private final URI base;
    private final String authorization;

    /** @param base the service's address, such as {@code http://localhost:8080}; a path after it is kept */
    public OperatorApi(URI base, String user, String password) {
        String address = base.toString();
        this.base = URI.create(address.endsWith("/") ? address.substring(0, address.length() - 1) : address);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code projection} is a read model's name or {@code all}; the caller has checked it is a plain path segment. */
    public Answer startRebuild(String projection) throws IOException, InterruptedException {
        return send(request(resolve(PROJECTIONS + "/" + projection + "/rebuild"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    public Answer startReconciliation() throws IOException, InterruptedException {
        return send(request(resolve(RECONCILIATIONS)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    public Answer get(URI uri) throws IOException, InterruptedException {
        return send(request(uri).GET().build());
    }

    /** A path or a {@code Location} the service answered, against the address the command was given. */
    public URI resolve(String location) {
        URI uri = URI.create(location);
        return uri.isAbsolute() ? uri : URI.create(base + (location.startsWith("/") ? "" : "/") + location);
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Accept", "application/json, application/problem+json");
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Location"));
    }

    /** One answer of the service: its status, its body as text and, where given, where the resource lives. */
    public record Answer(int status, String body, Optional<String> location) {

        public boolean isSuccess() {
            return status / 100 == 2;
        }

        /** The body as JSON; a missing node when it is not JSON (an answer from a proxy, say). */
        public JsonNode json() {
            try {
                JsonNode json = JSON.readTree(body);
                return json == null ? MissingNode.getInstance() : json;
            } catch (JsonProcessingException notJson) {
                return MissingNode.getInstance();
            }
        }

        public <T> T as(Class<T> type) throws JsonProcessingException {
            return JSON.readValue(body, type);
        }
    }
}
