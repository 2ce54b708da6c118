package nl.kindpakket.ledger.api.metrics;

import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;

/** Per streaming processor: how far behind the store it is, where it stands, whether it fails. */
public class EventProcessorMetrics implements MeterBinder {

    public static final String HEAD = "ledger.events.head";
    public static final String LAG = "ledger.processor.lag";
    public static final String POSITION = "ledger.processor.position";
    public static final String ERROR = "ledger.processor.error";

    private final EventProcessingConfiguration processing;
    private final ProcessorPositions positions;
    private final ProcessorFailures failures;

    public EventProcessorMetrics(EventProcessingConfiguration processing, ProcessorPositions positions, ProcessorFailures failures) {
        this.processing = processing;
        this.positions = positions;
        this.failures = failures;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(HEAD, positions, p -> p.current().available() ? p.current().head() : Double.NaN)
                .description("Global index of the last event in the store")
                .register(registry);
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor processor) {
                bind(registry, entry.getKey(), processor);
            }
        }
    }

    private void bind(MeterRegistry registry, String name, StreamingEventProcessor processor) {
        gauge(registry, LAG, "Events in the store the processor has not handled yet", name,
                positions, p -> orNaN(p.current().lag(name)));
        gauge(registry, POSITION, "Global index up to which the processor has handled the store", name,
                positions, p -> orNaN(p.current().position(name)));
        gauge(registry, ERROR, "1 while the processor fails and retries", name,
                processor, p -> ProcessorStatus.isInError(p)
                        || failures.of(name, positions.current().position(name)).isPresent() ? 1 : 0);
    }

    private static <T> void gauge(MeterRegistry registry, String metric, String description, String processor,
            T source, ToDoubleFunction<T> value) {
        Gauge.builder(metric, source, value)
                .description(description)
                .tag("processor", processor)
                .strongReference(true)
                .register(registry);
    }

    private static double orNaN(java.util.OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : Double.NaN;
    }
}
