package nl.kindpakket.ledger.api.readside;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import nl.kindpakket.ledger.projections.fold.EventRecord;

/**
 * Events read and deserialised by a thread of their own while the caller folds the ones before: the two halves of
 * a replay's work on two cores. A few batches are held at most; a failure on either side stops both.
 */
final class ReadAhead implements AutoCloseable {

    private static final int BATCH = 256;
    private static final int BATCHES_AHEAD = 16;
    private static final List<EventRecord> END = new ArrayList<>();
    /** Stands for an event passed over: the queue holds no nulls. */
    private static final EventRecord PASSED_OVER = new EventRecord(new Object(), "", -1, -1, java.time.Instant.EPOCH);

    private final BlockingQueue<List<EventRecord>> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread reader;
    private volatile boolean stopped;

    ReadAhead(Consumer<Consumer<EventRecord>> read) {
        this.reader = new Thread(() -> {
            List<EventRecord> batch = new ArrayList<>(BATCH);
            try {
                read.accept(record -> {
                    batch.add(record == null ? PASSED_OVER : record);
                    if (batch.size() == BATCH) {
                        hand(new ArrayList<>(batch));
                        batch.clear();
                    }
                });
                hand(new ArrayList<>(batch));
            } catch (Stop stop) {
                return;
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
            try {
                hand(END);
            } catch (Stop stop) {
                // the caller has gone
            }
        }, "read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    /** Hands every event to {@code each} in order, and every event passed over to {@code passedOver}. */
    void forEach(Consumer<EventRecord> each, Runnable passedOver) {
        while (true) {
            List<EventRecord> batch = take();
            if (batch == END) {
                rethrow();
                return;
            }
            for (EventRecord record : batch) {
                if (record == PASSED_OVER) {
                    passedOver.run();
                } else {
                    each.accept(record);
                }
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        reader.interrupt();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void hand(List<EventRecord> batch) {
        try {
            while (!batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    throw new Stop();
                }
            }
        } catch (InterruptedException e) {
            throw new Stop();
        }
    }

    private List<EventRecord> take() {
        try {
            return batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the store", e);
        }
    }

    private void rethrow() {
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed instanceof Error error) {
            throw error;
        }
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
    }

    /** Stops the reader when the caller has gone. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }
}
