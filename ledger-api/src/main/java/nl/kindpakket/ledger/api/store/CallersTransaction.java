package nl.kindpakket.ledger.api.store;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marks a command that runs inside a transaction its caller opened (a chunk of an annual reset job): its changes are
 * committed, or rolled back, only when the caller's transaction ends, after the command's unit of work has ended.
 */
public class CallersTransaction implements BeanPostProcessor {

    private static final String JOINED = CallersTransaction.class.getName() + ".joined";
    private static final String STARTED = CallersTransaction.class.getName() + ".started";

    /** Whether the command being handled joined a transaction of its caller's rather than starting its own. */
    public static boolean joined() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root().resources().containsKey(JOINED);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof TransactionManager transactions ? new Marking(transactions) : bean;
    }

    private record Marking(TransactionManager delegate) implements TransactionManager {

        @Override
        public Transaction startTransaction() {
            boolean callers = TransactionSynchronizationManager.isActualTransactionActive();
            Transaction transaction = delegate.startTransaction();
            // only the unit's first transaction tells: the store's append and nested units join the unit's own later
            if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().isRoot()
                    && CurrentUnitOfWork.get().resources().putIfAbsent(STARTED, Boolean.TRUE) == null && callers) {
                CurrentUnitOfWork.get().resources().put(JOINED, Boolean.TRUE);
            }
            return transaction;
        }
    }
}
