package nl.kindpakket.ledger.api.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import nl.kindpakket.ledger.api.metrics.ProcessorFailures;
import nl.kindpakket.ledger.api.metrics.ProcessorPositions;
import nl.kindpakket.ledger.api.metrics.ProcessorStatus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The read models are served only when their processors keep up: a required processor in error is DOWN,
 * one stopped or further behind the store than allowed is OUT_OF_SERVICE. Registered, bounded in time, by
 * {@link HealthConfiguration}.
 */
public class ProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final ProcessorPositions positions;
    private final ProcessorFailures failures;
    private final ProcessorHealthProperties properties;

    public ProcessorsHealthIndicator(EventProcessingConfiguration processing, ProcessorPositions positions,
            ProcessorFailures failures, ProcessorHealthProperties properties) {
        super("processors health check failed");
        this.processing = processing;
        this.positions = positions;
        this.failures = failures;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ProcessorPositions.Snapshot snapshot = positions.current();
        if (!snapshot.available()) {
            builder.down().withDetail("error", "positions unreadable: " + snapshot.failure().orElseThrow().getMostSpecificCause().getMessage());
            return;
        }
        Status worst = Status.UP;
        Map<String, Object> details = new LinkedHashMap<>();
        for (String name : required()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            Status status = check(name, snapshot, detail);
            detail.put("status", status.getCode());
            details.put(name, detail);
            worst = worse(worst, status);
        }
        builder.status(worst).withDetail("head", snapshot.head()).withDetail("maxLagEvents", properties.maxLagEvents())
                .withDetails(details);
    }

    private Status check(String name, ProcessorPositions.Snapshot snapshot, Map<String, Object> detail) {
        Optional<EventProcessor> found = processing.eventProcessor(name);
        if (found.isEmpty() || !(found.get() instanceof StreamingEventProcessor processor)) {
            detail.put("error", "no streaming processor of this name");
            return Status.DOWN;
        }
        OptionalLong lag = snapshot.lag(name);
        detail.put("lag", lag.orElse(-1));
        detail.put("running", processor.isRunning());
        Optional<ProcessorFailures.Failure> failure = failures.of(name, snapshot.position(name));
        if (failure.isPresent()) {
            detail.put("failingSince", failure.get().since().toString());
            detail.put("error", failure.get().latest());
            return Status.DOWN;
        }
        if (ProcessorStatus.isInError(processor) || processor.isError()) {
            detail.put("error", "the processor is in error; it retries");
            return Status.DOWN;
        }
        if (!processor.isRunning() || lag.orElse(0) > properties.maxLagEvents()) {
            return Status.OUT_OF_SERVICE;
        }
        return Status.UP;
    }

    private List<String> required() {
        if (!properties.requiredProcessors().isEmpty()) {
            return properties.requiredProcessors();
        }
        List<String> streaming = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                streaming.add(name);
            }
        });
        streaming.sort(null);
        return streaming;
    }

    private static Status worse(Status a, Status b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(Status status) {
        return Status.DOWN.equals(status) ? 2 : Status.OUT_OF_SERVICE.equals(status) ? 1 : 0;
    }
}
