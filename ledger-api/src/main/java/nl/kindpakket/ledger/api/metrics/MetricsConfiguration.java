package nl.kindpakket.ledger.api.metrics;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ledger's own metrics, published with the rest at /actuator/prometheus. */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    /**
     * Axon puts every command handler interceptor bean on the command bus; registering it again would count twice.
     * First of them, so that it counts every command, a repeat the request log answers among them.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public CommandMetrics ledgerCommandMetrics(MeterRegistry registry) {
        return new CommandMetrics(registry);
    }

    @Bean
    public static CommandTransactionWatch ledgerCommandTransactionWatch(ObjectProvider<CommandMetrics> commandMetrics) {
        return new CommandTransactionWatch(commandMetrics);
    }

    /**
     * On the event bus itself, which every aggregate publishes to. Not a bean of its own: Axon would also
     * put a dispatch interceptor bean on the event gateway, counting gateway events twice.
     */
    @Bean
    public SmartInitializingSingleton ledgerEventMetrics(EventBus eventBus, MeterRegistry registry) {
        return () -> eventBus.registerDispatchInterceptor(new EventMetrics(registry));
    }

    @Bean
    public ProcessorFailures ledgerProcessorFailures(Clock clock) {
        return new ProcessorFailures(clock);
    }

    @Bean
    public ConfigurerModule ledgerProcessorFailureWatch(ProcessorFailures failures) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((config, processor) -> failures.watcher(processor));
    }

    @Bean
    public ProcessorPositions ledgerProcessorPositions(JdbcTemplate jdbc, org.axonframework.config.Configuration axon, Clock clock,
            @Value("${ledger.metrics.positions-max-age:2s}") Duration maxAge) {
        return new ProcessorPositions(jdbc, axon.serializer(), clock, maxAge);
    }

    @Bean
    public EventProcessorMetrics ledgerEventProcessorMetrics(EventProcessingConfiguration processing, ProcessorPositions positions,
            ProcessorFailures failures) {
        return new EventProcessorMetrics(processing, positions, failures);
    }
}
