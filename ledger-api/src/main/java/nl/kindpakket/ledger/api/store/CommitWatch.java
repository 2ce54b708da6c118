package nl.kindpakket.ledger.api.store;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The commit of a unit of work's transaction. Where the transaction is the unit's own (begun for a root unit, not
 * joined to a caller's), the commit carries the writes the unit holds ({@link HeldWrites}), in one round trip. A
 * commit that fails for a lost connection may have been recorded all the same (the server committed, its answer
 * never arrived), so such a failure is reported as {@link CommitOutcomeUnknown} rather than as the store being
 * away, which would claim that nothing was recorded.
 */
public class CommitWatch implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof TransactionManager transactions ? new Watched(transactions) : bean;
    }

    private record Watched(TransactionManager delegate) implements TransactionManager {

        @Override
        public Transaction startTransaction() {
            UnitOfWork<?> own = CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().isRoot()
                    && !TransactionSynchronizationManager.isActualTransactionActive() ? CurrentUnitOfWork.get() : null;
            Transaction transaction = delegate.startTransaction();
            if (own != null) {
                HeldWrites.markOwnTransaction(own);
            }
            return new Transaction() {
                @Override
                public void commit() {
                    CommitOutcomeUnknown.commit(() -> {
                        if (own != null) {
                            HeldWrites.commitWithHeldWrites(own);
                        }
                        transaction.commit();
                    });
                }

                @Override
                public void rollback() {
                    transaction.rollback();
                }
            };
        }
    }
}
