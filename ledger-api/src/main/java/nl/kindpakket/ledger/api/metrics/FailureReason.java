package nl.kindpakket.ledger.api.metrics;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Why a command was not recorded, as a tag of bounded cardinality: a rule's refusal type
 * (outcome {@code refused}), or one of a few operational causes (outcome {@code failed}).
 */
record FailureReason(String outcome, String tag) {

    static final String NONE = "none";
    private static final int MAX_DEPTH = 16;
    /** What the pool's handle of a connection it evicted after a fatal error throws, without a SQLState. */
    private static final String HIKARI_CLOSED = "Connection is closed";

    static FailureReason of(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current instanceof LedgerRefusal refusal) {
                return new FailureReason("refused", refusal.type());
            }
            if (isConnectionFailure(current)) {
                return new FailureReason("failed", "store-unavailable");
            }
            if (current instanceof ConcurrencyException || current instanceof AggregateStreamCreationException
                    || current instanceof DuplicateKeyException) {
                return new FailureReason("failed", "concurrent-modification");
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return new FailureReason("failed", "error");
    }

    /**
     * A rollback or commit that fails is the connection gone: Spring then reports that failure instead of the
     * command's own, which was the same lost connection.
     */
    static boolean isConnectionFailure(Throwable t) {
        if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                || t instanceof TransactionSystemException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            // SQLState class 08 is "connection exception" in every SQL dialect
            return sql.getSQLState() != null ? sql.getSQLState().startsWith("08") : HIKARI_CLOSED.equals(sql.getMessage());
        }
        return false;
    }
}
