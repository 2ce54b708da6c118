package nl.kindpakket.ledger.api.metrics;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBus;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ledger's own metrics, published with the rest at /actuator/prometheus. */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    public CommandMetrics ledgerCommandMetrics(MeterRegistry registry) {
        return new CommandMetrics(registry);
    }

    @Bean
    public EventMetrics ledgerEventMetrics(MeterRegistry registry) {
        return new EventMetrics(registry);
    }

    /** Interceptors are added once both buses exist; the command bus keeps its transaction interceptor first. */
    @Bean
    public SmartInitializingSingleton ledgerMetricsInterceptors(CommandBus commandBus, EventBus eventBus,
            CommandMetrics commandMetrics, EventMetrics eventMetrics) {
        return () -> {
            commandBus.registerHandlerInterceptor(commandMetrics);
            eventBus.registerDispatchInterceptor(eventMetrics);
        };
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
