package nl.kindpakket.ledger.api.audit;

/**
 * The first event at which the chain does not hold.
 *
 * @param expectedHash what the chain says this event's hash must be; null when its predecessor is missing
 * @param storedHash   what the store holds for it
 */
public record ChainBreak(
        long globalIndex,
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        Kind kind,
        byte[] expectedHash,
        byte[] storedHash
) {

    public enum Kind {
        /** the event's chained columns (payload, metadata, ...) or its predecessor's stored hash differ from when it was written */
        PAYLOAD,
        /** the event before it in its aggregate is missing: deleted, or never chained */
        LINK
    }

    public String describe() {
        String where = "event %s (global_index %d, %s sequence %d)"
                .formatted(eventIdentifier, globalIndex, aggregateIdentifier, sequenceNumber);
        String what = switch (kind) {
            case PAYLOAD -> "does not match its chain hash: its content, or the hash of the event before it, was altered (expected %s, stored %s)"
                    .formatted(EventChain.hex(expectedHash), EventChain.hex(storedHash));
            case LINK -> "follows a missing event: the link to sequence %d is broken (stored %s)"
                    .formatted(sequenceNumber - 1, EventChain.hex(storedHash));
        };
        return where + " " + what;
    }
}
