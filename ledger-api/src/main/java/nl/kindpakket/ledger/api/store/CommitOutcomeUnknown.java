package nl.kindpakket.ledger.api.store;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The connection was lost while a transaction was being committed: the store may have recorded it or not, and
 * only a retry with the same client identifier tells (it is then recorded once, or answered as recorded before).
 */
public class CommitOutcomeUnknown extends RuntimeException {

    public CommitOutcomeUnknown(Throwable cause) {
        super("the connection to the store was lost while committing; the outcome is unknown", cause);
    }

    /** Runs work in a transaction of its own, whose commit tells when its outcome is unknown. */
    public static void inTransaction(TransactionTemplate template, Runnable work) {
        PlatformTransactionManager transactions = template.getTransactionManager();
        TransactionStatus transaction = transactions.getTransaction(template);
        try {
            work.run();
        } catch (RuntimeException | Error failure) {
            transactions.rollback(transaction);
            throw failure;
        }
        commit(() -> transactions.commit(transaction));
    }

    /** Runs a commit, turning a lost connection into this failure; any other failure stays as it is. */
    public static void commit(Runnable commit) {
        try {
            commit.run();
        } catch (RuntimeException failure) {
            if (ConnectionLoss.in(failure) && !(failure instanceof CommitOutcomeUnknown)) {
                throw new CommitOutcomeUnknown(failure);
            }
            throw failure;
        }
    }
}
