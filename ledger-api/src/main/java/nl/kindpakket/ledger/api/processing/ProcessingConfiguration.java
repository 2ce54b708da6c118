package nl.kindpakket.ledger.api.processing;

import nl.kindpakket.ledger.api.lookup.LookupTables;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How events reach the read models. Projections run in pooled streaming processors that commit their
 * token with their rows and process in batches; a failing handler fails its batch, which is retried,
 * instead of being logged and skipped (a read model that silently diverges). The lookup tables the
 * rules depend on are written in the command's own transaction.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessingConfiguration {

    @Bean
    public ConfigurerModule eventProcessing(@Value("${ledger.processing.batch-size:500}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors((config, builder) -> builder
                        .batchSize(batchSize)
                        .initialSegmentCount(1))
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                .registerSubscribingEventProcessor(LookupTables.GROUP));
    }
}
