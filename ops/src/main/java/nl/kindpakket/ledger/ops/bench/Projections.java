package nl.kindpakket.ledger.ops.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import nl.kindpakket.ledger.projections.ReadModels;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

/** The read models' streaming processors: stopped, reset to the start of the store, and followed to its head. */
final class Projections {

    private final List<StreamingEventProcessor> processors;

    Projections(BenchLedger ledger) {
        var processing = ledger.axon().eventProcessingConfiguration();
        this.processors = ReadModels.ALL.stream()
                .map(name -> processing.eventProcessor(name, StreamingEventProcessor.class)
                        .orElseThrow(() -> new IllegalStateException("no streaming processor " + name)))
                .toList();
    }

    int count() {
        return processors.size();
    }

    void stop() throws Exception {
        for (StreamingEventProcessor processor : processors) {
            processor.shutdownAsync().get(2, TimeUnit.MINUTES);
        }
    }

    /** Resets every read model to replay from the first event, and starts them all. */
    void resetAndStart() {
        processors.forEach(StreamingEventProcessor::resetTokens);
        processors.forEach(StreamingEventProcessor::start);
    }

    /** Waits until every processor has handled every event up to {@code head}, printing progress now and then. */
    void awaitHead(long head, long timeoutSeconds) throws InterruptedException {
        long start = System.nanoTime();
        long lastReport = start;
        while (true) {
            long slowest = slowestPosition();
            if (slowest >= head) {
                return;
            }
            long now = System.nanoTime();
            if (now - start > timeoutSeconds * 1_000_000_000L) {
                throw new IllegalStateException("the read models did not reach position " + head + " in " + timeoutSeconds
                        + " s; slowest at " + slowest);
            }
            if (now - lastReport > 10_000_000_000L) {
                lastReport = now;
                Progress.say("  read models at %s of %,d", positions(), head);
            }
            Thread.sleep(50);
        }
    }

    private long slowestPosition() {
        long slowest = Long.MAX_VALUE;
        for (StreamingEventProcessor processor : processors) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (status.isEmpty()) {
                return -1;
            }
            for (EventTrackerStatus segment : status.values()) {
                if (segment.isErrorState()) {
                    throw new IllegalStateException(processor.getName() + " failed", segment.getError());
                }
                slowest = Math.min(slowest, segment.getCurrentPosition().orElse(-1));
            }
        }
        return slowest;
    }

    private String positions() {
        StringBuilder text = new StringBuilder();
        for (StreamingEventProcessor processor : processors) {
            long position = processor.processingStatus().values().stream()
                    .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
            text.append(text.isEmpty() ? "" : ", ").append(processor.getName()).append(' ').append(String.format("%,d", position));
        }
        return text.toString();
    }
}
