package nl.kindpakket.ledger.api.store;

import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;

/**
 * Whether a command lost a race with a concurrent change of the same record: another command appended the same
 * sequence number of an aggregate (on this instance with a stale cache, or on another), created the same aggregate,
 * or took the same unique key of a lookup table first. Running the command again decides it on the winner's state.
 */
public final class StoreConflict {

    private StoreConflict() {
    }

    /** Anywhere in the cause chain (gateways and stores wrap the failure that matters), unless a rule refused first. */
    public static boolean in(Throwable failure) {
        return Causes.find(failure, cause -> cause instanceof LedgerRefusal || cause instanceof ConcurrencyException
                        || cause instanceof AggregateStreamCreationException || cause instanceof DuplicateKeyException)
                .filter(cause -> !(cause instanceof LedgerRefusal))
                .isPresent();
    }
}
