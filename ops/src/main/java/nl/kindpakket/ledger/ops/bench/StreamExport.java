package nl.kindpakket.ledger.ops.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event stream as an integrator reads it: {@code GET /api/v1/events} NDJSON pages from the start until
 * caught up, each line counted and the body read whole.
 */
final class StreamExport {

    static final int PAGE = 10_000;
    private static final Pattern POSITION = Pattern.compile("\"position\"\\s*:\\s*(\\d+)");

    record Result(long events, double seconds) {

        double rate() {
            return events / seconds;
        }
    }

    private StreamExport() {
    }

    /** @return what was read, or null when this build of the ledger has no event stream */
    static Result run(BenchHttp http, String municipality) throws IOException, InterruptedException {
        long after = -1;
        long events = 0;
        long start = System.nanoTime();
        while (true) {
            var request = http.get("/api/v1/events?after=" + after + "&limit=" + PAGE + "&municipality=" + municipality,
                    "application/x-ndjson");
            HttpResponse<InputStream> page = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (page.statusCode() == 404 && after == -1) {
                page.body().close();
                return null;
            }
            if (page.statusCode() != 200) {
                throw new IOException("the event stream answered " + page.statusCode() + ": "
                        + new String(page.body().readAllBytes(), StandardCharsets.UTF_8));
            }
            Lines lines = Lines.count(page.body());
            long next = page.headers().firstValue("X-Ledger-Next-After").map(Long::parseLong).orElse(lines.lastPosition());
            events += lines.count();
            if (lines.count() == 0 || next <= after) {
                return new Result(events, (System.nanoTime() - start) / 1e9);
            }
            after = next;
        }
    }

    private record Lines(long count, long lastPosition) {

        static Lines count(InputStream body) throws IOException {
            long count = 0;
            byte[] buffer = new byte[1 << 16];
            StringBuilder last = new StringBuilder();
            StringBuilder current = new StringBuilder();
            try (body) {
                for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\n') {
                            count++;
                            last.setLength(0);
                            last.append(current);
                            current.setLength(0);
                        } else if (current.length() < 64) {
                            current.append((char) buffer[i]);
                        }
                    }
                }
            }
            Matcher position = POSITION.matcher(last);
            return new Lines(count, position.find() ? Long.parseLong(position.group(1)) : -1);
        }
    }
}
