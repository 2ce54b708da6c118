package nl.kindpakket.ledger.api.web;

import java.util.Optional;

import nl.kindpakket.ledger.api.store.Causes;
import nl.kindpakket.ledger.api.store.CommitOutcomeUnknown;
import nl.kindpakket.ledger.api.store.ConnectionLoss;
import nl.kindpakket.ledger.api.store.StoreConflict;
import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;
import org.axonframework.modelling.command.AggregateNotFoundException;

/** What went wrong, found by walking a failure's cause chain: gateways and stores wrap the exception that matters. */
final class FailureCause {

    private FailureCause() {
    }

    static Optional<LedgerRefusal> refusal(Throwable failure) {
        return Causes.find(failure, LedgerRefusal.class);
    }

    static Optional<BodyTooLarge> bodyTooLarge(Throwable failure) {
        return Causes.find(failure, BodyTooLarge.class);
    }

    static boolean isMissingAggregate(Throwable failure) {
        return Causes.find(failure, AggregateNotFoundException.class).isPresent();
    }

    /** A race with a concurrent change of the same record that was still lost after the gateway's last attempt. */
    static boolean isLostRace(Throwable failure) {
        return StoreConflict.in(failure);
    }

    static boolean isStoreUnavailable(Throwable failure) {
        return ConnectionLoss.in(failure);
    }

    /** The connection was lost while committing: the change may have been recorded. */
    static boolean isCommitOutcomeUnknown(Throwable failure) {
        return Causes.find(failure, CommitOutcomeUnknown.class).isPresent();
    }
}
