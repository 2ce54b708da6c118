/**
 * Read models of the ledger, each a fold (see {@link nl.kindpakket.ledger.projections.fold.ReadModel}) of the core's
 * events into rows of its own tables, read through one query class returning immutable records.
 *
 * <p>Reports read pre-aggregated counters, never all entitlements. Counter rows carry a {@code slot} derived from
 * the event's aggregate identifier the same way Axon assigns it to a segment (hash &amp; mask), and every other row
 * belongs to one aggregate, so with the default per-aggregate sequencing and up to
 * {@link nl.kindpakket.ledger.projections.support.Slots#COUNT} segments two segments never write the same row, and a
 * rebuild may fold the aggregates in parts, in any order of parts.
 */
package nl.kindpakket.ledger.projections;
