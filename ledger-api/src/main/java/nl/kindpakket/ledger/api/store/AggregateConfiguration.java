package nl.kindpakket.ledger.api.store;

import nl.kindpakket.ledger.core.budget.BudgetYear;
import nl.kindpakket.ledger.core.entitlement.Entitlement;
import nl.kindpakket.ledger.core.provider.Provider;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The core's aggregates carry no Spring annotations, so the service registers them here. */
@Configuration(proxyBeanMethods = false)
public class AggregateConfiguration {

    @Bean
    public ConfigurerModule ledgerAggregates() {
        return configurer -> configurer
                .configureAggregate(Entitlement.class)
                .configureAggregate(BudgetYear.class)
                .configureAggregate(Provider.class);
    }
}
