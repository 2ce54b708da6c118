package nl.kindpakket.ledger.api.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The chain hash of a stored event, the one definition the verifier and the H2 trigger use; the
 * PostgreSQL function {@code event_chain_hash} (migration V200) computes the very same bytes.
 *
 * <p>{@code hash(n) = SHA-256(hash(n-1) || canonical(event n))}, where {@code n} is the event's
 * sequence number within its aggregate and {@code hash(-1)} is {@link #GENESIS}. The canonical form
 * is each field in a fixed order, each preceded by its length as a 4-byte big-endian integer (so that
 * "ab"+"c" and "a"+"bc" differ), a null field written as length -1 with no bytes (so that null and
 * "" differ): event_identifier, aggregate_identifier, sequence_number (8 bytes, big-endian),
 * payload_type, payload_revision, time_stamp (text fields as UTF-8), payload, meta_data.
 *
 * <p>Each aggregate has a chain of its own rather than one chain through the whole store: the
 * previous link is found by (aggregate, sequence - 1), which the store's unique key already orders, so
 * appends to different aggregates never wait for one another. A single global chain would make every
 * append read the latest hash of the whole table under a lock, serialising all commands.
 */
public final class EventChain {

    public static final int HASH_BYTES = 32;
    /** The link before an aggregate's first event. */
    public static final byte[] GENESIS = new byte[HASH_BYTES];

    private static final int NULL_LENGTH = -1;

    private EventChain() {
    }

    public static byte[] hash(byte[] previous, EventRow event) {
        return hash(sha256(), previous, event);
    }

    /** With a digest the caller reuses, as the verifier does for every row it reads; the fields go in without a copy. */
    public static byte[] hash(MessageDigest digest, byte[] previous, EventRow event) {
        digest.reset();
        digest.update(previous);
        for (byte[] field : fields(event)) {
            digest.update(length(field));
            if (field != null) {
                digest.update(field);
            }
        }
        return digest.digest();
    }

    public static byte[] canonical(EventRow event) {
        byte[][] fields = fields(event);
        int size = 0;
        for (byte[] field : fields) {
            size += Integer.BYTES + (field == null ? 0 : field.length);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (byte[] field : fields) {
            out.put(length(field));
            if (field != null) {
                out.put(field);
            }
        }
        return out.array();
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }

    private static byte[][] fields(EventRow event) {
        return new byte[][] {
                utf8(event.eventIdentifier()),
                utf8(event.aggregateIdentifier()),
                ByteBuffer.allocate(Long.BYTES).putLong(event.sequenceNumber()).array(),
                utf8(event.payloadType()),
                utf8(event.payloadRevision()),
                utf8(event.timeStamp()),
                event.payload(),
                event.metaData()};
    }

    private static byte[] length(byte[] field) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(field == null ? NULL_LENGTH : field.length).array();
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }
}
