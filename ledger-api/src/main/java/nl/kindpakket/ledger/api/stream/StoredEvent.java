package nl.kindpakket.ledger.api.stream;

/**
 * One row of the event table as the stream serves it: the payload stays the stored JSON bytes.
 *
 * @param position   the global index, the stream's order and resume point
 * @param recordedAt the stored timestamp, an ISO-8601 instant in UTC
 * @param revision   the payload's revision, null for events written before revisions were recorded
 */
public record StoredEvent(long position, String eventId, String payloadType, String aggregateId, long sequence,
                          String recordedAt, String revision, byte[] payload) {

    /** The simple name of the payload's class, such as {@code RedeemedAtProvider}. */
    public String type() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    /** Every aggregate identifier starts with its municipality: {@code westland:2018:kind-1}. */
    public String municipality() {
        int colon = aggregateId.indexOf(':');
        return colon < 0 ? aggregateId : aggregateId.substring(0, colon);
    }
}
