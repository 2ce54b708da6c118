package nl.kindpakket.ledger.api.processing;

import nl.kindpakket.ledger.api.lookup.LookupTables;
import nl.kindpakket.ledger.projections.ReadModels;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How events reach the read models: one pooled streaming processor for all of them, so each batch costs one read
 * of the store, one look-up of its events' positions, one write of each changed table and one token write, committed
 * together. A failing batch is retried, never logged and skipped (a read model that silently diverges). The
 * processor's segments spread the aggregates over threads, and over the instances of the service that share the
 * store (an instance claims every segment it finds free, up to {@code max-claimed-segments}). The lookup tables the rules depend on are written in the command's own transaction.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessingConfiguration {

    @Bean
    public ConfigurerModule eventProcessing(@Value("${ledger.processing.batch-size:500}") int batchSize,
                                            @Value("${ledger.processing.segments:2}") int segments,
                                            @Value("${ledger.processing.max-claimed-segments:0}") int maxClaimed) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(ReadModels.GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        (config, builder) -> builder.batchSize(batchSize).initialSegmentCount(segments)
                                .maxClaimedSegments(maxClaimed > 0 ? maxClaimed : Short.MAX_VALUE))
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                .registerSubscribingEventProcessor(LookupTables.GROUP));
    }
}
