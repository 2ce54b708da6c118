package nl.kindpakket.ledger.api.fault;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import nl.kindpakket.ledger.api.readside.StoredEvents;
import nl.kindpakket.ledger.projections.fold.EventRecord;
import nl.kindpakket.ledger.projections.store.Dialect;
import org.axonframework.config.Configuration;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The store read as a rebuild reads it, held at the first event of a chosen part of the fold until released, so a
 * test can take the process down in the middle of a rebuild. Static: it must outlive the application it ran in.
 */
@Component
@Primary
public class HeldFold extends StoredEvents {

    private static volatile int holdInPart = Integer.MAX_VALUE;
    private static volatile CountDownLatch reached = new CountDownLatch(1);
    private static volatile CountDownLatch released = new CountDownLatch(1);

    public HeldFold(DataSource dataSource, JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
                    @Lazy Configuration axon) {
        super(dataSource, jdbc, serializer, axon);
    }

    /** The next fold stops at the first event of this part (counted from 0). */
    static void holdInPart(int part) {
        reached = new CountDownLatch(1);
        released = new CountDownLatch(1);
        holdInPart = part;
    }

    static boolean awaitHeld(long seconds) throws InterruptedException {
        return reached.await(seconds, TimeUnit.SECONDS);
    }

    static void release() {
        holdInPart = Integer.MAX_VALUE;
        released.countDown();
    }

    @Override
    public void read(Range range, Dialect dialect, Consumer<EventRecord> each, Runnable passedOver) {
        super.read(range, dialect, record -> {
            if (range.parts() > 1 && range.part() == holdInPart) {
                reached.countDown();
                try {
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            each.accept(record);
        }, passedOver);
    }
}
