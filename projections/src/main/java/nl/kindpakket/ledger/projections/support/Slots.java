package nl.kindpakket.ledger.projections.support;

/** The counter slot of an aggregate: the low bits of its identifier's hash, as Axon picks a segment. */
public final class Slots {

    /** At least the number of segments a processor is split into, and a power of two. */
    public static final int COUNT = 32;

    private Slots() {
    }

    /** For events of an entitlement: its identifier is the aggregate identifier. */
    public static int of(String aggregateIdentifier) {
        return aggregateIdentifier.hashCode() & (COUNT - 1);
    }

    /** For events of a budget year, whose aggregate identifier is {@code municipality:year}. */
    public static int ofBudgetYear(String municipality, int year) {
        return of(municipality + ":" + year);
    }
}
