package nl.kindpakket.ledger.api.figures;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.kindpakket.ledger.api.web.LedgerHttp;

/** Finance staff or an auditor reading reports, journals and the event stream over real HTTP, in any format. */
final class AuditorHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final String authorization;

    AuditorHttp(int port, String user, String password) {
        this.port = port;
        this.authorization = LedgerHttp.basic(user, password);
    }

    Answer get(String path, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", authorization)
                .header("Accept", accept)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Answer(int status, HttpHeaders headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + text(), e);
            }
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** The address of the next page, from the Link header with rel="next". */
        Optional<String> next() {
            return headers.allValues("Link").stream().filter(link -> link.endsWith("rel=\"next\""))
                    .map(link -> link.substring(link.indexOf('<') + 1, link.indexOf('>'))).findFirst();
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }
}
