package nl.kindpakket.ledger.api.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import nl.kindpakket.ledger.api.metrics.ProcessorPositions;
import nl.kindpakket.ledger.api.metrics.ProcessorStatus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/**
 * The read models' processors for operators: where each stands ({@code GET /actuator/processors}) and a
 * rebuild of one from the first event ({@code POST /actuator/processors/{name}/reset}). A rebuild clears the
 * read model through its reset handler and replays the store; readiness is down until it has caught up.
 */
@Component
@Endpoint(id = "processors")
public class ProcessorsEndpoint {

    private static final Logger log = LoggerFactory.getLogger(ProcessorsEndpoint.class);
    private static final String RESET = "reset";

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

    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> perform(@Selector String name, @Selector String action) {
        if (!RESET.equals(action)) {
            return new WebEndpointResponse<>(Map.of("error", "unknown action " + action + "; the only one is " + RESET), 400);
        }
        Optional<StreamingEventProcessor> found = processing.eventProcessor(name, StreamingEventProcessor.class);
        if (found.isEmpty()) {
            return new WebEndpointResponse<>(Map.of("error", "no streaming processor " + name), 404);
        }
        StreamingEventProcessor processor = found.get();
        log.warn("rebuilding read model {} from the first event, at an operator's request", name);
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException claimedElsewhere) {
            return new WebEndpointResponse<>(Map.of("error", "another node holds " + name
                    + "; stop the processor there (or that node) and retry"), 409);
        } finally {
            if (!processor.isRunning()) {
                processor.start();
            }
        }
        return new WebEndpointResponse<>(describe(name, processor, positions.current()), 202);
    }

    private static Map<String, Object> describe(String name, StreamingEventProcessor processor, ProcessorPositions.Snapshot snapshot) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("running", processor.isRunning());
        state.put("position", snapshot.position(name).orElse(-1));
        state.put("lag", snapshot.lag(name).orElse(-1));
        state.put("replaying", ProcessorStatus.isReplaying(processor));
        state.put("replayProgress", ProcessorStatus.replayProgress(processor));
        return state;
    }
}
