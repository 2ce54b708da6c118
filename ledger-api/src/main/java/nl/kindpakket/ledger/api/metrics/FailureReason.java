package nl.kindpakket.ledger.api.metrics;

import nl.kindpakket.ledger.api.store.CommitOutcomeUnknown;
import nl.kindpakket.ledger.api.store.ConnectionLoss;
import nl.kindpakket.ledger.api.store.StoreConflict;
import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;

/**
 * Why a command was not recorded, as a tag of bounded cardinality: a rule's refusal type
 * (outcome {@code refused}), an attempt that lost a race and is sent again (outcome {@code conflicted}),
 * or one of a few operational causes (outcome {@code failed}).
 */
record FailureReason(String outcome, String tag) {

    static final String NONE = "none";
    private static final int MAX_DEPTH = 16;

    static FailureReason of(Throwable failure) {
        if (StoreConflict.in(failure)) {
            // an attempt that lost a race; the gateway sends the command again
            return new FailureReason("conflicted", "concurrent-modification");
        }
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current instanceof LedgerRefusal refusal) {
                return new FailureReason("refused", refusal.type());
            }
            if (current instanceof CommitOutcomeUnknown) {
                return new FailureReason("failed", "outcome-unknown");
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        // a rollback or commit that fails is the connection gone, reported instead of the command's own failure
        return ConnectionLoss.in(failure) ? new FailureReason("failed", "store-unavailable") : new FailureReason("failed", "error");
    }
}
