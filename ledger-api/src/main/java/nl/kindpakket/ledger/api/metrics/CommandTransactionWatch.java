package nl.kindpakket.ledger.api.metrics;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The command bus opens a command's transaction before any handler interceptor runs, so a command that
 * cannot get a connection at all (the database is down) would pass {@link CommandMetrics} by. This counts
 * those, by wrapping the transaction manager the bus uses.
 */
public class CommandTransactionWatch implements BeanPostProcessor {

    private final ObjectProvider<CommandMetrics> metrics;

    public CommandTransactionWatch(ObjectProvider<CommandMetrics> metrics) {
        this.metrics = metrics;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof TransactionManager transactions ? new Watched(transactions) : bean;
    }

    private final class Watched implements TransactionManager {

        private final TransactionManager delegate;

        private Watched(TransactionManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public Transaction startTransaction() {
            long started = System.nanoTime();
            try {
                return delegate.startTransaction();
            } catch (RuntimeException | Error e) {
                if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().getMessage() instanceof CommandMessage<?> command
                        && !CurrentUnitOfWork.get().resources().containsKey(CommandMetrics.WATCHED)) {
                    metrics.getObject().failedBeforeHandling(command, e, started);
                }
                throw e;
            }
        }
    }
}
