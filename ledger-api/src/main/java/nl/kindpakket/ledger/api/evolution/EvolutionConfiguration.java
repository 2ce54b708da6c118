package nl.kindpakket.ledger.api.evolution;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The upcasters that turn stored events of an earlier revision into the current one while they are
 * read. Axon's auto-configuration puts every {@link EventUpcaster} bean, in bean order, into the event
 * store's upcaster chain; add one per change, ordered by the revision it starts from. An upcaster is for
 * earlier revisions only and works on one event at a time: a rebuild reads events of the current revision
 * without the chain, and the others through it one by one ({@code StoredEventsTest}).
 */
@Configuration(proxyBeanMethods = false)
public class EvolutionConfiguration {

    @Bean
    @Order(1)
    public EventUpcaster providerRegisteredAcceptsFrom() {
        return new ProviderRegisteredAcceptsFrom();
    }
}
