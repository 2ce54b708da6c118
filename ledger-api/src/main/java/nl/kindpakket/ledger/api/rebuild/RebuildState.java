package nl.kindpakket.ledger.api.rebuild;

/**
 * Where a rebuild stands: STARTING (making new tables), FOLDING (the store is folded into them; the old figures are
 * served), SWITCHING (they catch up and become the live tables, in one transaction), CANCELLING, then DONE, FAILED
 * or CANCELLED.
 */
enum RebuildState {
    STARTING, FOLDING, SWITCHING, CANCELLING, DONE, FAILED, CANCELLED;

    boolean isOver() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
