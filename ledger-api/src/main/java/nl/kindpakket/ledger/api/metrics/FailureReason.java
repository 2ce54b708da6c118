package nl.kindpakket.ledger.api.metrics;

import java.util.Optional;

import nl.kindpakket.ledger.api.store.Causes;
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

    static FailureReason of(Throwable failure) {
        if (StoreConflict.in(failure)) {
            // an attempt that lost a race; the gateway sends the command again
            return new FailureReason("conflicted", "concurrent-modification");
        }
        Optional<Throwable> named = Causes.find(failure,
                cause -> cause instanceof LedgerRefusal || cause instanceof CommitOutcomeUnknown);
        if (named.isPresent()) {
            return named.get() instanceof LedgerRefusal refusal
                    ? new FailureReason("refused", refusal.type())
                    : new FailureReason("failed", "outcome-unknown");
        }
        // a rollback or commit that fails is the connection gone, reported instead of the command's own failure
        return ConnectionLoss.in(failure) ? new FailureReason("failed", "store-unavailable") : new FailureReason("failed", "error");
    }
}
