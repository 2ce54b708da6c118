package nl.kindpakket.ledger.api.fault;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import nl.kindpakket.ledger.projections.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Rides along in the spending lines processor and holds its replay at a chosen position, mid-batch, so a test
 * can take the process down at a known point of a rebuild. Static: it must outlive the application it ran in.
 */
@ProcessingGroup(ReadModels.SPENDING_LINES)
public class ReplayGate {

    private static volatile long holdAt = Long.MAX_VALUE;
    private static volatile CountDownLatch reached = new CountDownLatch(1);
    private static volatile CountDownLatch released = new CountDownLatch(1);

    /** The next replay stops at the first event at or past this global position. */
    public static void holdAt(long position) {
        reached = new CountDownLatch(1);
        released = new CountDownLatch(1);
        holdAt = position;
    }

    public static boolean awaitHeld(long seconds) throws InterruptedException {
        return reached.await(seconds, TimeUnit.SECONDS);
    }

    public static void release() {
        holdAt = Long.MAX_VALUE;
        released.countDown();
    }

    @EventHandler
    void on(Object event, TrackingToken token, ReplayStatus status) throws InterruptedException {
        if (status.isReplay() && token.position().orElse(0) >= holdAt) {
            reached.countDown();
            released.await(30, TimeUnit.SECONDS);
        }
    }
}
