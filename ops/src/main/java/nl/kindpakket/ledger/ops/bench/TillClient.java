package nl.kindpakket.ledger.ops.bench;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Posts JSON to the ledger as a provider's till would: blocking HTTP/1.1, each sending thread on a kept-alive
 * connection of its own. The load generator shares the machine's cores with the ledger it measures, where the tills it
 * stands for would be on other machines; java.net.http's client (its selector and worker threads beside the threads
 * that send) took about a third as much CPU as the ledger's own request threads, CPU the measured ledger then went
 * without. This client does no more than a till needs: one write and flush per request, then the status line and the
 * headers, and the body read only to be skipped so that the connection can carry the next request. An answer with
 * {@code Connection: close}, or any failure, closes the connection, and the thread's next request opens a new one.
 */
final class TillClient implements AutoCloseable {

    private static final int MAX_LINE = 8192;

    private final InetSocketAddress address;
    private final String basePath;
    private final int timeoutMillis;
    /** The request's headers after its request line, up to the body's length. */
    private final String headers;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Connection> connections = ThreadLocal.withInitial(Connection::new);

    /** A client of the ledger at {@code baseUrl} (such as {@code http://127.0.0.1:8080}), signed in as {@code user}. */
    TillClient(String baseUrl, BenchLedger.BenchUser user) {
        this(baseUrl, user, BenchHttp.TIMEOUT);
    }

    /** @param timeout how long to wait for a connection, and then for each read of the answer */
    TillClient(String baseUrl, BenchLedger.BenchUser user, Duration timeout) {
        URI uri = URI.create(baseUrl);
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http:// URL with a host: " + baseUrl);
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        this.address = new InetSocketAddress(uri.getHost(), port);
        this.basePath = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
        this.headers = "Host: " + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + port) + "\r\n"
                + "Authorization: " + BenchHttp.authorization(user) + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: ";
    }

    /**
     * Posts {@code json} to {@code path} on the calling thread's connection, opening it if it has none.
     *
     * @return the answer's status, its body read and discarded; -1 if no answer came: the connection failed, or a
     *         read waited longer than the timeout
     */
    int post(String path, String json) {
        return connections.get().post(path, json.getBytes(UTF_8));
    }

    /** Closes the connections open now; a request in flight on one gets -1, and a thread that posts again opens a new one. */
    @Override
    public void close() {
        for (Iterator<Socket> sockets = open.iterator(); sockets.hasNext(); ) {
            Socket socket = sockets.next();
            sockets.remove();
            closeQuietly(socket);
        }
    }

    /** How many connections are open now. */
    int openConnections() {
        return open.size();
    }

    private static long chunkSize(String line) {
        int extension = line.indexOf(';');
        return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closed as far as this client is concerned
        }
    }

    /** One thread's connection; only that thread uses it, though {@link #close()} may close its socket. */
    private final class Connection {

        private final StringBuilder line = new StringBuilder();
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        int post(String path, byte[] body) {
            try {
                if (socket == null || socket.isClosed()) {
                    connect();
                }
                out.write(("POST " + basePath + path + " HTTP/1.1\r\n" + headers + body.length + "\r\n\r\n").getBytes(ISO_8859_1));
                out.write(body);
                out.flush();
                return answer();
            } catch (IOException | NumberFormatException e) {
                disconnect();
                return -1;
            }
        }

        private void connect() throws IOException {
            disconnect();
            Socket opened = new Socket();
            open.add(opened);
            socket = opened;
            opened.setTcpNoDelay(true);
            opened.connect(address, timeoutMillis);
            opened.setSoTimeout(timeoutMillis);
            in = new BufferedInputStream(opened.getInputStream());
            out = new BufferedOutputStream(opened.getOutputStream());
        }

        private void disconnect() {
            if (socket != null) {
                open.remove(socket);
                closeQuietly(socket);
                socket = null;
            }
        }

        /** Reads the answer to the request just sent, through its body; interim (1xx) answers are skipped. */
        private int answer() throws IOException {
            while (true) {
                String statusLine = line();
                if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                    throw new IOException("not an HTTP/1.x status line: " + statusLine);
                }
                int status = Integer.parseInt(statusLine, 9, 12, 10);
                boolean close = statusLine.startsWith("HTTP/1.0");
                long length = -1;
                boolean chunked = false;
                for (String header = line(); !header.isEmpty(); header = line()) {
                    int colon = header.indexOf(':');
                    if (colon < 0) {
                        throw new IOException("not a header: " + header);
                    }
                    String name = header.substring(0, colon).trim();
                    String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                    if (name.equalsIgnoreCase("Content-Length")) {
                        length = Long.parseLong(value);
                    } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                        chunked = value.endsWith("chunked");
                    } else if (name.equalsIgnoreCase("Connection")) {
                        close = value.contains("close") || close && !value.contains("keep-alive");
                    }
                }
                if (status < 200) {
                    continue;
                }
                if (status == 204 || status == 304) {
                    // no body
                } else if (chunked) {
                    skipChunks();
                } else if (length >= 0) {
                    in.skipNBytes(length);
                } else {
                    // no length: the body ends when the ledger closes the connection
                    in.transferTo(OutputStream.nullOutputStream());
                    close = true;
                }
                if (close) {
                    disconnect();
                }
                return status;
            }
        }

        private void skipChunks() throws IOException {
            for (long size = chunkSize(line()); size > 0; size = chunkSize(line())) {
                in.skipNBytes(size);
                if (!line().isEmpty()) {
                    throw new IOException("a chunk longer than its size");
                }
            }
            while (!line().isEmpty()) {
                // a trailer
            }
        }

        /** The next line of the answer without its CRLF (or bare LF). */
        private String line() throws IOException {
            line.setLength(0);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("the connection closed mid-answer");
                }
                if (line.length() == MAX_LINE) {
                    throw new IOException("a line of the answer longer than " + MAX_LINE);
                }
                line.append((char) b);
            }
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == '\r') {
                line.setLength(end - 1);
            }
            return line.toString();
        }
    }
}
