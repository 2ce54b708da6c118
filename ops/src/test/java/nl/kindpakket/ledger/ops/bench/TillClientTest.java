package nl.kindpakket.ledger.ops.bench;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

/** The till's client against a JDK HTTP server and against scripted answers on a raw socket. */
class TillClientTest {

    private static final BenchLedger.BenchUser USER = new BenchLedger.BenchUser("till", "s3cret");

    /** A request as a server saw it. */
    record Seen(String method, String path, String authorization, String contentType, String body) {
    }

    @Test
    void posts_the_json_signed_in_and_answers_each_status_on_one_connection() throws Exception {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"), body));
            clientPorts.add(exchange.getRemoteAddress().getPort());
            int status = Integer.parseInt(exchange.getRequestURI().getPath().substring("/answer/".length()));
            byte[] answer = ("{\"status\":" + status + "}").getBytes(UTF_8);
            // 409 goes chunked (a length of 0 asks this server for chunks), the others with a Content-Length
            exchange.sendResponseHeaders(status, status == 409 ? 0 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try (TillClient client = new TillClient("http://127.0.0.1:" + server.getAddress().getPort(), USER)) {
            String json = "{\"redemptionId\":\"r-1\",\"note\":\"caf\u00e9 \u20ac\"}";

            assertThat(client.post("/answer/201", json)).isEqualTo(201);
            assertThat(client.post("/answer/409", json)).isEqualTo(409);
            assertThat(client.post("/answer/500", json)).isEqualTo(500);
            assertThat(client.post("/answer/201", "{}")).isEqualTo(201);

            String authorization = "Basic " + Base64.getEncoder().encodeToString("till:s3cret".getBytes(UTF_8));
            assertThat(seen).containsExactly(
                    new Seen("POST", "/answer/201", authorization, "application/json", json),
                    new Seen("POST", "/answer/409", authorization, "application/json", json),
                    new Seen("POST", "/answer/500", authorization, "application/json", json),
                    new Seen("POST", "/answer/201", authorization, "application/json", "{}"));
            assertThat(clientPorts).as("client ports of the connections the requests came on").hasSize(1);
            assertThat(client.openConnections()).isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void a_chunked_answer_with_an_extension_and_a_trailer_is_read_through_and_the_connection_reused() throws Exception {
        try (ScriptedServer server = new ScriptedServer();
             TillClient client = new TillClient(server.url(), USER)) {
            server.answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n6;name=value\r\n world\r\n0\r\nX-Checksum: 1\r\n\r\n");
            server.answer("HTTP/1.1 201 Created\r\ncontent-length: 3\r\n\r\n{ }");

            assertThat(client.post("/a", "{}")).isEqualTo(200);
            assertThat(client.post("/b", "{}")).isEqualTo(201);
            assertThat(server.accepted()).isEqualTo(1);
            assertThat(server.requestLines()).containsExactly("POST /a HTTP/1.1", "POST /b HTTP/1.1");
        }
    }

    @Test
    void an_answer_that_closes_the_connection_has_the_next_request_open_a_new_one() throws Exception {
        try (ScriptedServer server = new ScriptedServer();
             TillClient client = new TillClient(server.url(), USER)) {
            server.answer("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\nConnection: close\r\n\r\nbusy");
            server.answer("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
            server.answer("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");

            assertThat(client.post("/a", "{}")).isEqualTo(503);
            assertThat(client.openConnections()).isZero();
            assertThat(client.post("/b", "{}")).isEqualTo(201);
            assertThat(client.post("/c", "{}")).isEqualTo(201);
            assertThat(server.accepted()).isEqualTo(2);
        }
    }

    @Test
    void an_answer_that_does_not_come_in_time_is_minus_one_and_the_next_request_reconnects() throws Exception {
        try (ScriptedServer server = new ScriptedServer();
             TillClient client = new TillClient(server.url(), USER, Duration.ofMillis(300))) {
            server.answer(ScriptedServer.SILENCE);
            server.answer("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");

            long start = System.nanoTime();
            assertThat(client.post("/slow", "{}")).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(2));
            assertThat(client.post("/next", "{}")).isEqualTo(201);
            assertThat(server.accepted()).isEqualTo(2);
        }
    }

    @Test
    void each_thread_posts_on_a_connection_of_its_own_and_close_closes_them_all() throws Exception {
        try (ScriptedServer server = new ScriptedServer();
             TillClient client = new TillClient(server.url(), USER)) {
            for (int i = 0; i < 5; i++) {
                server.answer("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
            }
            assertThat(client.post("/main", "{}")).isEqualTo(201);
            int[] other = new int[2];
            Thread thread = new Thread(() -> {
                other[0] = client.post("/other", "{}");
                other[1] = client.post("/other", "{}");
            });
            thread.start();
            thread.join();

            assertThat(other).containsExactly(201, 201);
            assertThat(server.accepted()).isEqualTo(2);
            assertThat(client.openConnections()).isEqualTo(2);

            client.close();
            assertThat(client.openConnections()).isZero();
            assertThat(server.closedByClient.tryAcquire(2, 5, TimeUnit.SECONDS)).as("both connections seen closed").isTrue();
            assertThat(client.post("/main", "{}")).isEqualTo(201);
            assertThat(server.accepted()).isEqualTo(3);
        }
    }

    /**
     * Answers each request, on whichever connection it comes, with the next of the scripted answers, written as given;
     * an answer with {@code Connection: close} closes the connection after it, and {@link #SILENCE} answers nothing
 * (closing the connection after 3 s).
     */
    private static final class ScriptedServer implements AutoCloseable {

        static final String SILENCE = "";

        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        private final AtomicInteger accepted = new AtomicInteger();
        private final List<String> requestLines = new CopyOnWriteArrayList<>();
        private final List<Socket> connections = new CopyOnWriteArrayList<>();
        final Semaphore closedByClient = new Semaphore(0);

        ScriptedServer() throws IOException {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket connection = socket.accept();
                        accepted.incrementAndGet();
                        connections.add(connection);
                        Thread serving = new Thread(() -> serve(connection), "scripted-connection");
                        serving.setDaemon(true);
                        serving.start();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "scripted-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        void answer(String answer) {
            answers.add(answer);
        }

        int accepted() {
            return accepted.get();
        }

        List<String> requestLines() {
            return new ArrayList<>(requestLines);
        }

        private void serve(Socket connection) {
            try (connection) {
                InputStream in = connection.getInputStream();
                while (true) {
                    List<String> head = new ArrayList<>();
                    for (String line = line(in); !line.isEmpty(); line = line(in)) {
                        head.add(line);
                    }
                    requestLines.add(head.get(0));
                    int length = head.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                            .mapToInt(h -> Integer.parseInt(h.substring(h.indexOf(':') + 1).trim())).findFirst().orElse(0);
                    in.readNBytes(length);
                    String answer = answers.poll(5, TimeUnit.SECONDS);
                    if (answer == null || answer.equals(SILENCE)) {
                        connection.setSoTimeout(3_000);
                        in.read(); // until the client gives up and closes, or for 3 s
                        return;
                    }
                    connection.getOutputStream().write(answer.getBytes(ISO_8859_1));
                    connection.getOutputStream().flush();
                    if (answer.toLowerCase(Locale.ROOT).contains("connection: close")) {
                        return;
                    }
                }
            } catch (ClientClosed closed) {
                closedByClient.release();
            } catch (IOException | InterruptedException e) {
                // the test is over
            }
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new ClientClosed();
                }
                line.write(b);
            }
            String read = line.toString(ISO_8859_1);
            return read.endsWith("\r") ? read.substring(0, read.length() - 1) : read;
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket connection : connections) {
                connection.close();
            }
        }

        /** The client closed the connection between requests. */
        private static final class ClientClosed extends IOException {
        }
    }
}
