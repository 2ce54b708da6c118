package nl.kindpakket.ledger.api.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Whether a failure means the store could not be reached or the connection to it was lost: a reason to retry, not a bug. */
public final class ConnectionLoss {

    /** What the pool's handle of a connection it evicted after a fatal error throws, without a SQLState. */
    private static final String HIKARI_CLOSED = "Connection is closed";
    /**
     * Besides class 08 (connection exception): PostgreSQL ending the session for a shutdown (57P01 admin, 57P02
     * crash), refusing connections while it starts or stops (57P03), and a server out of connections (53300).
     */
    private static final Set<String> LOST_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private ConnectionLoss() {
    }

    /** Anywhere in the cause chain: gateways, stores and transaction managers wrap the failure that matters. */
    public static boolean in(Throwable failure) {
        return Causes.find(failure, ConnectionLoss::is).isPresent();
    }

    private static boolean is(Throwable t) {
        if (t instanceof CommitOutcomeUnknown
                || t instanceof DataAccessResourceFailureException
                || t instanceof CannotCreateTransactionException
                || t instanceof TransactionSystemException
                || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            return state != null ? state.startsWith("08") || LOST_STATES.contains(state) : HIKARI_CLOSED.equals(sql.getMessage());
        }
        return false;
    }
}
