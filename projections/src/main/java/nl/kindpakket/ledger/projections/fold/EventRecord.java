package nl.kindpakket.ledger.projections.fold;

import java.time.Instant;

/**
 * An event as a read model folds it: the payload with what the store knows of it.
 *
 * @param sequence   the event's number among its aggregate's events, from 0
 * @param position   the event's global position in the store, which a reader can find it by in the event stream
 * @param recordedAt when the store recorded it (not its business date): reports as of an earlier moment use it
 */
public record EventRecord(Object payload, String aggregateId, long sequence, long position, Instant recordedAt) {

    public EventRecord {
        if (payload == null || recordedAt == null) {
            throw new IllegalArgumentException("an event record needs a payload and a recording time");
        }
    }
}
