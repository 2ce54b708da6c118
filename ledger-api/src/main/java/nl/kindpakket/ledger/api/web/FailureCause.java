package nl.kindpakket.ledger.api.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.function.Predicate;

import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** What went wrong, found by walking a failure's cause chain: gateways and stores wrap the exception that matters. */
final class FailureCause {

    private static final int MAX_DEPTH = 16;
    /** What the pool's handle of a connection it evicted after a fatal error throws, without a SQLState. */
    private static final String HIKARI_CLOSED = "Connection is closed";

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
        return find(failure, FailureCause::meansNoConnection).isPresent();
    }

    private static boolean meansNoConnection(Throwable t) {
        if (t instanceof DataAccessResourceFailureException
                || t instanceof CannotCreateTransactionException
                || t instanceof TransactionSystemException
                || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            // SQLState class 08 is "connection exception" in every SQL dialect; the pool's evicted handle has none
            return sql.getSQLState() != null ? sql.getSQLState().startsWith("08") : HIKARI_CLOSED.equals(sql.getMessage());
        }
        return false;
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
