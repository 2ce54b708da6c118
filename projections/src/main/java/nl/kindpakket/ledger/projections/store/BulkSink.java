package nl.kindpakket.ledger.projections.store;

import java.util.List;

/**
 * Writes many rows into tables nobody reads yet, on one connection and in its transaction: a rebuild's new tables.
 * Rows may be written in the background as they come; {@link #finish()} returns once all of them are written.
 */
public interface BulkSink extends AutoCloseable {

    /** Adds a row to the named table (a physical name); {@code values} are in the order of {@code columns}. */
    void append(String table, List<String> columns, Object[] values);

    /** Writes what is still held and waits for it; the connection is then free for other statements. */
    void finish();

    /** Stops any background writing; rows not finished are lost with the transaction. */
    @Override
    void close();
}
