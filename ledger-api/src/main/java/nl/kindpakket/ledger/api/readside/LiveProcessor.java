package nl.kindpakket.ledger.api.readside;

import java.util.concurrent.TimeUnit;

import nl.kindpakket.ledger.projections.ReadModels;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** This service's processor of the read models, which a switch of tables stops for its length. */
@Component
public class LiveProcessor {

    private static final long STOP_SECONDS = 60;

    private final Configuration axon;

    LiveProcessor(@Lazy Configuration axon) {
        this.axon = axon;
    }

    /** Stops it once the batch in hand has committed; its segments are released for whoever claims them next. */
    public void stop() {
        processor().ifPresent(processor -> {
            try {
                processor.shutdownAsync().get(STOP_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping the read models' processor", e);
            } catch (Exception e) {
                throw new IllegalStateException("could not stop the read models' processor: " + e.getMessage(), e);
            }
        });
    }

    public void start() {
        processor().ifPresent(StreamingEventProcessor::start);
    }

    public boolean isRunning() {
        return processor().map(StreamingEventProcessor::isRunning).orElse(false);
    }

    private java.util.Optional<StreamingEventProcessor> processor() {
        return axon.eventProcessingConfiguration().eventProcessor(ReadModels.GROUP, StreamingEventProcessor.class);
    }
}
