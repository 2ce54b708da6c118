package nl.kindpakket.ledger.api.stream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes events as NDJSON lines: {@code {"position","eventId","type","aggregateId","sequence","recordedAt",
 * "municipality","revision","payload"}}. The payload is copied byte for byte as stored, never re-serialised,
 * so a reader sees exactly what the ledger wrote.
 */
public final class EventLineWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;

    /** @param out should be buffered: a line is written in many small pieces */
    public EventLineWriter(OutputStream out) {
        this.out = out;
    }

    public void write(StoredEvent event) throws IOException {
        raw("{\"position\":");
        raw(Long.toString(event.position()));
        raw(",\"eventId\":");
        string(event.eventId());
        raw(",\"type\":");
        string(event.type());
        raw(",\"aggregateId\":");
        string(event.aggregateId());
        raw(",\"sequence\":");
        raw(Long.toString(event.sequence()));
        raw(",\"recordedAt\":");
        string(event.recordedAt());
        raw(",\"municipality\":");
        string(event.municipality());
        raw(",\"revision\":");
        string(event.revision());
        raw(",\"payload\":");
        payload(event.payload());
        raw("}\n");
    }

    /** A raw line break can only be whitespace between JSON tokens (inside strings it is escaped), so a space keeps the meaning. */
    private void payload(byte[] json) throws IOException {
        int start = 0;
        for (int i = 0; i < json.length; i++) {
            if (json[i] == '\n' || json[i] == '\r') {
                out.write(json, start, i - start);
                out.write(' ');
                start = i + 1;
            }
        }
        out.write(json, start, json.length - start);
    }

    private void string(String value) throws IOException {
        if (value == null) {
            raw("null");
            return;
        }
        out.write('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.write('\\');
                out.write(c);
            } else if (c >= 0x20 && c < 0x80) {
                out.write(c);
            } else {
                out.write(new byte[] {'\\', 'u', HEX[c >> 12], HEX[(c >> 8) & 0xF], HEX[(c >> 4) & 0xF], HEX[c & 0xF]});
            }
        }
        out.write('"');
    }

    private void raw(String ascii) throws IOException {
        for (int i = 0; i < ascii.length(); i++) {
            out.write(ascii.charAt(i));
        }
    }
}
