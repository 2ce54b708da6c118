package nl.kindpakket.ledger.api.store;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import nl.kindpakket.ledger.api.identity.FirstAnswers;
import nl.kindpakket.ledger.core.budget.BudgetYear;
import nl.kindpakket.ledger.core.entitlement.Entitlement;
import nl.kindpakket.ledger.core.provider.Provider;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The core's aggregates carry no Spring annotations, so the service registers them here, entitlements with a cache,
 * each finding a command's target by a member it looks up once per command class ({@link ResolvedTargets});
 * and the gateway that sends commands to them runs a command again when it lost a race with a concurrent change, and
 * answers a repeated request with its first answer.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateConfiguration {

    @Bean
    public ConfigurerModule ledgerAggregates(@Value("${ledger.aggregate-cache.entitlements:20000}") int cachedEntitlements,
            MeterRegistry registry) {
        ResolvedTargets targets = new ResolvedTargets();
        AggregateConfigurer<Entitlement> entitlements = AggregateConfigurer.defaultConfiguration(Entitlement.class)
                .configureCommandTargetResolver(config -> targets);
        if (cachedEntitlements > 0) {
            CommittedAggregateCache cache = new CommittedAggregateCache("Entitlement", cachedEntitlements, registry);
            entitlements.configureCache(config -> cache);
        }
        return configurer -> configurer
                .configureAggregate(entitlements)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(BudgetYear.class)
                        .configureCommandTargetResolver(config -> targets))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Provider.class)
                        .configureCommandTargetResolver(config -> targets));
    }

    @Bean
    public static CallersTransaction ledgerCallersTransaction() {
        return new CallersTransaction();
    }

    @Bean
    public ConflictRetries conflictRetries(@Value("${ledger.commands.conflict-attempts:10}") int attempts,
            @Value("${ledger.commands.conflict-max-pause:100ms}") Duration maxPause) {
        return new ConflictRetries(attempts, maxPause);
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ConflictRetries conflictRetries) {
        return new FirstAnswers(DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(conflictRetries).build());
    }
}
