package nl.kindpakket.ledger.ops.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outcomes a healthy ledger seldom gives, from a stand-in for the operator API that answers what each test
 * queues: a rebuild that fails half-way, one the service forgets, and answers that are not the operator API's.
 */
class RebuildCommandAnswersTest {

    static final String ID = "7d3c2d4e-0000-4000-8000-000000000001";
    static final String STATUS = "/api/v1/operator/projections/rebuilds/" + ID;

    final Deque<String[]> answers = new ArrayDeque<>();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    HttpServer server;

    @BeforeEach
    void aStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a_rebuild_that_fails_half_way_exits_one_saying_why() {
        queue(202, status("STARTING", 0, 0, null, null));
        queue(200, status("REPLAYING", 1_500, 4_000, 2.5, null));
        queue(200, status("FAILED", 2_000, 4_000, null, "\"disk full\""));

        int exit = rebuild();

        assertThat(exit).isEqualTo(RebuildCommand.FAILED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "rebuild: REPLAYING  1,500 / 4,000 events   37.5%  1,000 events/s  about 2.5 s left",
                "rebuild: FAILED     2,000 / 4,000 events   50.0%  1,000 events/s  last error: disk full",
                "rebuild: failed after 2,000 of 4,000 events: disk full; spending-lines keep the figures they had");
    }

    @Test
    void a_rebuild_the_service_no_longer_knows_exits_one() {
        queue(202, status("REPLAYING", 10, 4_000, null, null));
        queue(404, "");

        assertThat(rebuild()).isEqualTo(RebuildCommand.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the service no longer knows rebuild " + ID);
    }

    @Test
    void an_answer_that_is_not_the_operator_apis_exits_five() {
        queue(502, "<html>Bad gateway</html>");
        assertThat(rebuild()).isEqualTo(RebuildCommand.NO_SERVICE);

        queue(202, "{}");
        assertThat(rebuild()).isEqualTo(RebuildCommand.NO_SERVICE);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unexpected answer from the service, 502: <html>Bad gateway</html>",
                "unexpected answer from the service, 202: {}");
    }

    private int rebuild() {
        return RebuildCommand.run(new String[] {"--url", "http://127.0.0.1:" + server.getAddress().getPort(), "--user", "op",
                "--projection", "spending-lines", "--interval", "0.05"}, Map.of("LEDGER_PASSWORD", "secret"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void queue(int status, String body) {
        answers.add(new String[] {String.valueOf(status), body});
    }

    private static String status(String state, long done, long total, Double left, String error) {
        return "{\"id\":\"" + ID + "\",\"projections\":[\"spending-lines\"],\"state\":\"" + state + "\",\"eventsDone\":" + done
                + ",\"eventsTotal\":" + total + ",\"eventsPerSecond\":" + (done == 0 ? 0 : 1000.0) + ",\"secondsLeft\":" + left
                + ",\"batchSize\":1000,\"requestedAt\":\"2026-01-05T10:00:00Z\",\"finishedAt\":"
                + (state.equals("FAILED") ? "\"2026-01-05T10:00:02Z\"" : "null") + ",\"error\":" + error + "}";
    }

    private void answer(HttpExchange exchange) throws IOException {
        String[] next = answers.poll();
        int status = next == null ? 500 : Integer.parseInt(next[0]);
        byte[] body = (next == null ? "nothing queued" : next[1]).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", body.length > 0 && body[0] == '{' ? "application/json" : "text/html");
        if (status == 202) {
            exchange.getResponseHeaders().add("Location", STATUS);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
