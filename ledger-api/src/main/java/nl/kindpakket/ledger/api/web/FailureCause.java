package nl.kindpakket.ledger.api.web;

import java.util.Optional;
import java.util.function.Predicate;

import nl.kindpakket.ledger.api.store.CommitOutcomeUnknown;
import nl.kindpakket.ledger.api.store.ConnectionLoss;
import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;

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

    /** Two commands appended to the same stream at once, or raced for the same unique key in a lookup table. */
    static boolean isConcurrentModification(Throwable failure) {
        return find(failure, t -> t instanceof ConcurrencyException
                || t instanceof AggregateStreamCreationException
                || t instanceof DuplicateKeyException).isPresent();
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
