package nl.kindpakket.ledger.ops.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import nl.kindpakket.ledger.api.rebuild.RebuildStatus;
import nl.kindpakket.ledger.api.rebuild.Rebuilds;
import nl.kindpakket.ledger.projections.ReadModels;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

/** The read models: their live processor, stopped and followed to the store's head, and their rebuild. */
final class Projections {

    private final StreamingEventProcessor processor;
    private final Rebuilds rebuilds;

    Projections(BenchLedger ledger) {
        this.processor = ledger.axon().eventProcessingConfiguration()
                .eventProcessor(ReadModels.GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + ReadModels.GROUP));
        this.rebuilds = ledger.bean(Rebuilds.class);
    }

    int count() {
        return ReadModels.ALL.size();
    }

    void stop() throws Exception {
        processor.shutdownAsync().get(2, TimeUnit.MINUTES);
    }

    /** Rebuilds every read model as an operator would, and waits until the new tables are in place. */
    RebuildStatus rebuild(long timeoutSeconds) throws InterruptedException {
        String id = rebuilds.start("all").id();
        long start = System.nanoTime();
        long lastReport = start;
        while (true) {
            RebuildStatus status = rebuilds.status(id).orElseThrow();
            if (status.isFinished()) {
                if (!"DONE".equals(status.state())) {
                    throw new IllegalStateException("the rebuild ended " + status.state() + ": " + status.error());
                }
                return status;
            }
            long now = System.nanoTime();
            if (now - start > timeoutSeconds * 1_000_000_000L) {
                throw new IllegalStateException("the rebuild did not end in " + timeoutSeconds + " s: " + status);
            }
            if (now - lastReport > 10_000_000_000L) {
                lastReport = now;
                Progress.say("  rebuild %s: %,d of %,d events, %,.0f events/s", status.state(), status.eventsDone(),
                        status.eventsTotal(), status.eventsPerSecond());
            }
            Thread.sleep(20);
        }
    }

    int heldSegments() {
        return processor.processingStatus().size();
    }

    /** Lets go of the highest segment this instance holds and leaves it unclaimed for a while, for another instance to take. */
    int releaseOneSegment(Duration forHowLong) {
        int segment = processor.processingStatus().keySet().stream().max(Integer::compare)
                .orElseThrow(() -> new IllegalStateException(processor.getName() + " holds no segment"));
        processor.releaseSegment(segment, forHowLong.toMillis(), TimeUnit.MILLISECONDS);
        return segment;
    }

    /** Ends a release: the segment is claimed again once it is free. */
    void reclaim(int segment) {
        processor.releaseSegment(segment, 0, TimeUnit.MILLISECONDS);
    }

    /** Waits until this instance's processor holds exactly {@code count} segments. */
    void awaitSegments(int count, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (processor.processingStatus().size() != count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(processor.getName() + " holds segments " + processor.processingStatus().keySet()
                        + ", not " + count + ", after " + timeoutSeconds + " s");
            }
            Thread.sleep(50);
        }
    }

    /** Waits until the processor has handled every event up to {@code head}, printing progress now and then. */
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
                        + " s; slowest segment at " + slowest);
            }
            if (now - lastReport > 10_000_000_000L) {
                lastReport = now;
                Progress.say("  read models at %,d of %,d", slowest, head);
            }
            Thread.sleep(50);
        }
    }

    private long slowestPosition() {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return -1;
        }
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : status.values()) {
            if (segment.isErrorState()) {
                throw new IllegalStateException(processor.getName() + " failed", segment.getError());
            }
            slowest = Math.min(slowest, segment.getCurrentPosition().orElse(-1));
        }
        return slowest;
    }
}
