package nl.kindpakket.ledger.api.web;

import java.util.Optional;
import java.util.function.Predicate;

import nl.kindpakket.ledger.api.store.CommitOutcomeUnknown;
import nl.kindpakket.ledger.api.store.ConnectionLoss;
import nl.kindpakket.ledger.api.store.StoreConflict;
import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;
import org.axonframework.modelling.command.AggregateNotFoundException;

/** What went wrong, found by walking a failure's cause chain: gateways and stores wrap the exception that matters. */
final class FailureCause {

    private static final int MAX_DEPTH = 16;

    private FailureCause() {
    }

    static Optional<LedgerRefusal> refusal(Throwable failure) {
        return find(failure, LedgerRefusal.class::isInstance).map(LedgerRefusal.class::cast);
    }

    static Optional<BodyTooLarge> bodyTooLarge(Throwable failure) {
        return find(failure, BodyTooLarge.class::isInstance).map(BodyTooLarge.class::cast);
    }

    static boolean isMissingAggregate(Throwable failure) {
        return find(failure, AggregateNotFoundException.class::isInstance).isPresent();
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
        return find(failure, CommitOutcomeUnknown.class::isInstance).isPresent();
    }

    private static Optional<Throwable> find(Throwable failure, Predicate<Throwable> wanted) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (wanted.test(current)) {
                return Optional.of(current);
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return Optional.empty();
    }
}
