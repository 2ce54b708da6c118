package nl.kindpakket.ledger.ops.export;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Pages through a running ledger's {@code GET /api/v1/events} from the start until it is caught up, as an integrator would. */
final class StreamRead {

    private static final int PAGE = 10_000;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String eventsUrl;
    private final String authorization;
    private final String municipality;

    StreamRead(String baseUrl, String user, String password, String municipality) {
        this.eventsUrl = baseUrl.replaceAll("/$", "") + "/api/v1/events";
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.municipality = municipality;
    }

    ExportBenchmark.Measure run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        long events = 0;
        long after = -1;
        while (true) {
            String query = "after=" + after + "&limit=" + PAGE
                    + (municipality == null ? "" : "&municipality=" + URLEncoder.encode(municipality, StandardCharsets.UTF_8));
            HttpResponse<InputStream> page = http.send(HttpRequest.newBuilder(URI.create(eventsUrl + "?" + query))
                    .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (page.statusCode() != 200) {
                throw new IOException("the event stream answered " + page.statusCode() + ": " + new String(page.body().readAllBytes()));
            }
            long lines = countLines(page.body());
            long next = Long.parseLong(page.headers().firstValue("X-Ledger-Next-After").orElseThrow());
            events += lines;
            if (lines == 0 || next == after) {
                return new ExportBenchmark.Measure("GET /api/v1/events, pages of " + PAGE, events, (System.nanoTime() - start) / 1e9);
            }
            after = next;
        }
    }

    private static long countLines(InputStream body) throws IOException {
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (body) {
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }
}
