package nl.kindpakket.ledger.api.readside;

import org.springframework.util.unit.DataSize;

/**
 * How many parts of the aggregates a fold from nothing goes through, so that the rows it holds in memory stay within
 * a budget. Nearly all of them belong to entitlements; one entitlement's rows of every read model, as a fold holds
 * them, take at most {@link #BYTES_PER_ENTITLEMENT} (measured by {@code FoldMemoryTest}).
 */
public final class FoldPlan {

    public static final long BYTES_PER_ENTITLEMENT = 1_152;
    private static final int MOST_PARTS = 64;

    private FoldPlan() {
    }

    /** The parts for a fold of this many entitlements, at least one. */
    public static int parts(long entitlements, DataSize budget) {
        long bytes = entitlements * BYTES_PER_ENTITLEMENT;
        long parts = (bytes + budget.toBytes() - 1) / budget.toBytes();
        return (int) Math.max(1, Math.min(MOST_PARTS, parts));
    }
}
