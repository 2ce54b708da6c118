package nl.kindpakket.ledger.api.fault;

import java.sql.SQLException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionException;

/** Reading a failed command's cause chain. */
final class StoreFailures {

    private StoreFailures() {
    }

    /** Failed on the database, not on a bug: the command was not recorded and may be retried. */
    static boolean isDatabaseFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException || t instanceof TransactionException || t instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append("\n  ").append(t).append(t instanceof SQLException sql ? " state " + sql.getSQLState() : "");
        }
        return text.toString();
    }
}
