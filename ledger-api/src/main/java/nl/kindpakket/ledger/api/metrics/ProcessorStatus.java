package nl.kindpakket.ledger.api.metrics;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

/** What the segments of a streaming processor that this node holds are doing. */
public final class ProcessorStatus {

    private ProcessorStatus() {
    }

    public static boolean isInError(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
    }
}
