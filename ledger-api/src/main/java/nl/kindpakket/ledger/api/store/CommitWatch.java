package nl.kindpakket.ledger.api.store;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * A command's transaction whose commit fails for a lost connection may have been recorded all the same (the
 * server committed, its answer never arrived), so such a failure is reported as {@link CommitOutcomeUnknown}
 * rather than as the store being away, which would claim that nothing was recorded.
 */
public class CommitWatch implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof TransactionManager transactions ? new Watched(transactions) : bean;
    }

    private record Watched(TransactionManager delegate) implements TransactionManager {

        @Override
        public Transaction startTransaction() {
            Transaction transaction = delegate.startTransaction();
            return new Transaction() {
                @Override
                public void commit() {
                    CommitOutcomeUnknown.commit(transaction::commit);
                }

                @Override
                public void rollback() {
                    transaction.rollback();
                }
            };
        }
    }
}
