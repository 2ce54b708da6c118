package nl.kindpakket.ledger.api.store;

import java.time.Duration;

import nl.kindpakket.ledger.core.budget.BudgetYear;
import nl.kindpakket.ledger.core.entitlement.Entitlement;
import nl.kindpakket.ledger.core.provider.Provider;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The core's aggregates carry no Spring annotations, so the service registers them here; and the gateway that
 * sends commands to them runs a command again when it lost a race with a concurrent change of its aggregate.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateConfiguration {

    @Bean
    public ConfigurerModule ledgerAggregates() {
        return configurer -> configurer
                .configureAggregate(Entitlement.class)
                .configureAggregate(BudgetYear.class)
                .configureAggregate(Provider.class);
    }

    @Bean
    public ConflictRetries conflictRetries(@Value("${ledger.commands.conflict-attempts:10}") int attempts,
            @Value("${ledger.commands.conflict-max-pause:100ms}") Duration maxPause) {
        return new ConflictRetries(attempts, maxPause);
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ConflictRetries conflictRetries) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(conflictRetries).build();
    }
}
