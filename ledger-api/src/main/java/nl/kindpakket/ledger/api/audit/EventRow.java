package nl.kindpakket.ledger.api.audit;

/** The columns of one stored event that its chain hash covers, as they are stored. */
public record EventRow(
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String payloadType,
        String payloadRevision,
        String timeStamp,
        byte[] payload,
        byte[] metaData
) {
}
