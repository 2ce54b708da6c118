/**
 * Read models of the ledger, each fed by the core's events in its own processing group (see {@link
 * nl.kindpakket.ledger.projections.ReadModels}) and read through one query class returning immutable records.
 *
 * <p>Reports read pre-aggregated counters, never all entitlements. Counter rows carry a {@code slot} derived from
 * the event's aggregate identifier the same way Axon assigns it to a segment (hash &amp; mask), so with the default
 * per-aggregate sequencing and up to {@link nl.kindpakket.ledger.projections.support.Slots#COUNT} segments, two
 * segments never write the same row: no lock waits and no deadlocks during a parallel replay. With another
 * sequencing policy the figures stay right; concurrent first inserts may then fail and be retried.
 */
package nl.kindpakket.ledger.projections;
