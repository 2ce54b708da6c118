package nl.kindpakket.ledger.api.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import nl.kindpakket.ledger.api.metrics.ProcessorPositions;
import nl.kindpakket.ledger.api.metrics.ProcessorStatus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * The service's streaming processors for operators: where each stands ({@code GET /actuator/processors}). The read
 * models are rebuilt through {@code POST /api/v1/operator/projections/all/rebuild}, never by resetting a processor,
 * which would fold the whole store again on top of their rows.
 */
@Component
@Endpoint(id = "processors")
public class ProcessorsEndpoint {

    private final EventProcessingConfiguration processing;
    private final ProcessorPositions positions;

    public ProcessorsEndpoint(EventProcessingConfiguration processing, ProcessorPositions positions) {
        this.processing = processing;
        this.positions = positions;
    }

    @ReadOperation
    public Map<String, Object> processors() {
        ProcessorPositions.Snapshot snapshot = positions.current();
        Map<String, Object> all = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                all.put(name, describe(name, streaming, snapshot));
            }
        });
        return Map.of("head", snapshot.head(), "processors", all);
    }

    private static Map<String, Object> describe(String name, StreamingEventProcessor processor, ProcessorPositions.Snapshot snapshot) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("running", processor.isRunning());
        state.put("position", snapshot.position(name).orElse(-1));
        state.put("lag", snapshot.lag(name).orElse(-1));
        state.put("inError", ProcessorStatus.isInError(processor));
        return state;
    }
}
