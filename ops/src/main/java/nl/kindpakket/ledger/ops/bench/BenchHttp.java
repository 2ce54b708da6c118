package nl.kindpakket.ledger.ops.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executor;

/** Requests to the ledger over HTTP/1.1 on loopback, signed in with HTTP Basic as one bench user. */
final class BenchHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final String baseUrl;
    private final String authorization;

    BenchHttp(String baseUrl, BenchLedger.BenchUser user, Executor executor) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT);
        this.client = (executor == null ? builder : builder.executor(executor)).build();
        this.baseUrl = baseUrl;
        this.authorization = authorization(user);
    }

    /** The {@code Authorization} header's value that signs in as {@code user}. */
    static String authorization(BenchLedger.BenchUser user) {
        return "Basic " + Base64.getEncoder().encodeToString((user.name() + ":" + user.password()).getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT).header("Authorization", authorization);
    }

    HttpRequest get(String path, String accept) {
        return request(path).header("Accept", accept).GET().build();
    }

    /** @return the status, the body read whole and discarded */
    int send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        return client.send(request, body);
    }

}
