package nl.kindpakket.ledger.projections.store;

/** A table's rows held in one of COPY's formats until they are sent. */
interface HeldRows {

    void add(Object[] values);

    /** Whether it holds no row. */
    boolean isEmpty();

    /** About the bytes it holds. */
    int size();

    /**
     * The bytes of one COPY, after which it holds no row. {@code spare} is an emptied buffer from an earlier take,
     * or null, which it may go on with instead of making a new one.
     */
    Taken take(byte[] spare);

    /** One COPY's data: the first {@code length} bytes of {@code bytes}. */
    record Taken(byte[] bytes, int length) {
    }
}
