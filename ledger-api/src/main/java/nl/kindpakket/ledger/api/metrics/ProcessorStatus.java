package nl.kindpakket.ledger.api.metrics;

import java.util.Collection;
import java.util.OptionalDouble;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

/** What the segments of a streaming processor that this node holds are doing. */
public final class ProcessorStatus {

    private ProcessorStatus() {
    }

    /**
     * Whether a segment still replays events from before the reset. Axon keeps calling a segment replaying until
     * it handles an event newer than the reset, which in a quiet store can be long after the replay is done.
     */
    public static boolean isReplaying(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream().anyMatch(ProcessorStatus::replaysOldEvents);
    }

    public static boolean isInError(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
    }

    /** The slowest replaying segment's share done, 1 when nothing replays. */
    public static double replayProgress(StreamingEventProcessor processor) {
        return lowest(processor.processingStatus().values()).orElse(1.0);
    }

    static OptionalDouble lowest(Collection<EventTrackerStatus> segments) {
        return segments.stream()
                .filter(ProcessorStatus::replaysOldEvents)
                .mapToDouble(ProcessorStatus::share)
                .min();
    }

    private static boolean replaysOldEvents(EventTrackerStatus segment) {
        return segment.isReplaying()
                && segment.getCurrentPosition().orElse(0) < segment.getResetPosition().orElse(Long.MAX_VALUE);
    }

    private static double share(EventTrackerStatus segment) {
        long reset = segment.getResetPosition().orElse(0);
        long current = segment.getCurrentPosition().orElse(0);
        return reset <= 0 ? 1.0 : Math.min(1.0, (double) current / reset);
    }
}
