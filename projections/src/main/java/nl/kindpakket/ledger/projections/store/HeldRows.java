package nl.kindpakket.ledger.projections.store;

/** A table's rows held in one of COPY's formats until they are sent. */
interface HeldRows {

    void add(Object[] values);

    /** Whether it holds no row. */
    boolean isEmpty();

    /** About the bytes it holds. */
    int size();

    /** The bytes of one COPY, after which it holds no row. */
    byte[] take();
}
