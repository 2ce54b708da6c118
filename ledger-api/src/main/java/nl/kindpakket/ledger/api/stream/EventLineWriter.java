package nl.kindpakket.ledger.api.stream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes events as NDJSON lines: {@code {"position","eventId","type","aggregateId","sequence","recordedAt",
 * "municipality","revision","payload"}}. The payload is copied byte for byte as stored, never re-serialised,
 * so a reader sees exactly what the ledger wrote. Lines are gathered in a buffer of its own; call
 * {@link #flush()} when done.
 */
public final class EventLineWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] POSITION = ascii("{\"position\":");
    private static final byte[] EVENT_ID = ascii(",\"eventId\":");
    private static final byte[] TYPE = ascii(",\"type\":");
    private static final byte[] AGGREGATE_ID = ascii(",\"aggregateId\":");
    private static final byte[] SEQUENCE = ascii(",\"sequence\":");
    private static final byte[] RECORDED_AT = ascii(",\"recordedAt\":");
    private static final byte[] MUNICIPALITY = ascii(",\"municipality\":");
    private static final byte[] REVISION = ascii(",\"revision\":");
    private static final byte[] PAYLOAD = ascii(",\"payload\":");
    private static final byte[] END = ascii("}\n");
    private static final byte[] NULL = ascii("null");

    private final OutputStream out;
    private final byte[] buffer = new byte[64 * 1024];
    private int size;

    public EventLineWriter(OutputStream out) {
        this.out = out;
    }

    public void write(StoredEvent event) throws IOException {
        put(POSITION);
        number(event.position());
        put(EVENT_ID);
        string(event.eventId());
        put(TYPE);
        string(event.type());
        put(AGGREGATE_ID);
        string(event.aggregateId());
        put(SEQUENCE);
        number(event.sequence());
        put(RECORDED_AT);
        string(event.recordedAt());
        put(MUNICIPALITY);
        string(event.municipality());
        put(REVISION);
        string(event.revision());
        put(PAYLOAD);
        payload(event.payload());
        put(END);
    }

    public void flush() throws IOException {
        drain();
        out.flush();
    }

    /** A raw line break can only be whitespace between JSON tokens (inside strings it is escaped), so a space keeps the meaning. */
    private void payload(byte[] json) throws IOException {
        int start = 0;
        for (int i = 0; i < json.length; i++) {
            if (json[i] == '\n' || json[i] == '\r') {
                put(json, start, i - start);
                put(' ');
                start = i + 1;
            }
        }
        put(json, start, json.length - start);
    }

    private void string(String value) throws IOException {
        if (value == null) {
            put(NULL);
            return;
        }
        put('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                put('\\');
                put(c);
            } else if (c >= 0x20 && c < 0x80) {
                put(c);
            } else {
                put('\\');
                put('u');
                put(HEX[c >> 12]);
                put(HEX[(c >> 8) & 0xF]);
                put(HEX[(c >> 4) & 0xF]);
                put(HEX[c & 0xF]);
            }
        }
        put('"');
    }

    private void number(long value) throws IOException {
        String digits = Long.toString(value);
        for (int i = 0; i < digits.length(); i++) {
            put(digits.charAt(i));
        }
    }

    private void put(byte[] bytes) throws IOException {
        put(bytes, 0, bytes.length);
    }

    private void put(byte[] bytes, int offset, int length) throws IOException {
        if (length > buffer.length - size) {
            drain();
            if (length > buffer.length) {
                out.write(bytes, offset, length);
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
    }

    private void put(int b) throws IOException {
        if (size == buffer.length) {
            drain();
        }
        buffer[size++] = (byte) b;
    }

    private void drain() throws IOException {
        out.write(buffer, 0, size);
        size = 0;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
