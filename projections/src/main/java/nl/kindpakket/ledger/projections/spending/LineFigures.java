package nl.kindpakket.ledger.projections.spending;

/** The one place that says how a line's remaining follows from its other figures, for the report and the journal. */
public final class LineFigures {

    private LineFigures() {
    }

    /** Available minus spent minus refunded: an underspend repaid has left the line, as spending has. */
    public static long remaining(long availableCents, long spentCents, long refundedCents) {
        return availableCents - spentCents - refundedCents;
    }
}
