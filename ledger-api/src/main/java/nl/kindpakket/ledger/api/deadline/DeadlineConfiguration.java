package nl.kindpakket.ledger.api.deadline;

import java.util.Optional;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.Task;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerHumanReadableDeadlineDetails;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's deadlines on a scheduler that keeps them in the ledger's own database ({@code scheduled_tasks}): a deadline
 * is written in the transaction of the command that sets it, survives a restart, and is picked by one instance
 * under a lock, so that it fires once however many instances run. A deadline whose instance died while running it
 * is taken over once that instance's heartbeats stop.
 *
 * <p>Each deadline is kept as JSON (its payload and scope as the event serializer writes them), never as Java
 * serialisation, so that an operator can read what is due and a stored row can never run code when read back.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

    /** The task that runs due deadlines; Axon's own configuration stands back for a task of this name. */
    @Bean
    @Qualifier("deadlineDetailsTask")
    public Task<DbSchedulerHumanReadableDeadlineDetails> deadlineDetailsTask(ApplicationContext context) {
        return DbSchedulerDeadlineManager.humanReadableTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
    }

    @Bean
    public DbSchedulerCustomizer ledgerSchedulerCustomizer() {
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<Serializer> serializer() {
                return Optional.of(new JacksonSerializer());
            }
        };
    }

    @Bean
    public DeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration configuration,
            @Qualifier("eventSerializer") org.axonframework.serialization.Serializer serializer,
            TransactionManager transactionManager, DeadlineManagerSpanFactory spanFactory) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .useBinaryPojo(false)
                // db-scheduler's own configuration starts the scheduler once the context is ready and stops it
                .startScheduler(false)
                .stopScheduler(false)
                .build();
    }
}
