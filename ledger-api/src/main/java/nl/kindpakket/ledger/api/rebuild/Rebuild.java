package nl.kindpakket.ledger.api.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rebuild of one or more read models, run on its own thread.
 *
 * <p>The read models are replayed from the first event into shadow tables (same columns, keys and indexes as the
 * live ones, in a schema of their own) by a second streaming processor with new instances of the same handler
 * classes, whose SQL is redirected to the shadow tables. Meanwhile the live tables keep serving, and being updated,
 * as before: readers see the old figures until the new ones are complete. Once the replay has reached the events
 * that were in the store when it started, it stops and {@link Swap} replaces, in one transaction, the live rows by
 * the shadow rows and the live processors' tokens by its token; the live processors then carry on from there.
 * All read models of one rebuild share the replay, so each event is read and deserialised once.
 */
final class Rebuild implements Runnable {

    enum State { STARTING, REPLAYING, SWAPPING, DONE, FAILED, CANCELLED }

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final String id;
    private final List<String> readModels;
    private final RebuildTools tools;
    private final Clock clock;
    private final Instant requestedAt;
    private volatile State state = State.STARTING;
    private volatile boolean cancelled;
    private volatile ShadowProcessor replay;
    private volatile Instant replayStartedAt;
    private volatile Instant finishedAt;
    private volatile long eventsDone;
    private volatile long eventsTotal;
    private volatile String error;

    Rebuild(String id, List<String> readModels, RebuildTools tools, Clock clock) {
        this.id = id;
        this.readModels = List.copyOf(readModels);
        this.tools = tools;
        this.clock = clock;
        this.requestedAt = clock.instant();
    }

    String id() {
        return id;
    }

    List<String> readModels() {
        return readModels;
    }

    boolean isFinished() {
        return finishedAt != null;
    }

    void cancel() {
        cancelled = true;
    }

    @Override
    public void run() {
        List<String> tables = tools.catalog.tables(readModels);
        try {
            tools.shadow.create(tables);
            long head = tools.events.head();
            long before = tools.events.upTo(head);
            eventsTotal = before;
            replay = tools.shadowProcessor("rebuild:" + id, readModels);
            replayStartedAt = clock.instant();
            replay.start();
            state = State.REPLAYING;
            while (!hasReached(head)) {
                if (cancelled) {
                    throw new Cancelled();
                }
                Thread.sleep(POLL.toMillis());
                eventsDone = replay.eventsDone();
                eventsTotal = before + tools.events.after(head);
                error = replay.error() == null ? null : String.valueOf(replay.error());
            }
            replay.stop();
            eventsDone = replay.eventsDone();
            error = null;
            state = State.SWAPPING;
            tools.swap.replace(readModels, tables, tools.shadow, replay.name());
            eventsTotal = Math.max(eventsTotal, eventsDone);
            finish(State.DONE);
            tools.shadow.drop(tables);
        } catch (Cancelled e) {
            cleanUp(tables);
            finish(State.CANCELLED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cleanUp(tables);
            finish(State.CANCELLED);
        } catch (RuntimeException e) {
            log.error("Rebuild {} of {} failed", id, readModels, e);
            error = String.valueOf(e);
            cleanUp(tables);
            finish(State.FAILED);
        }
    }

    RebuildStatus status() {
        long done = eventsDone;
        long total = Math.max(eventsTotal, done);
        Instant started = replayStartedAt;
        Instant until = finishedAt == null ? clock.instant() : finishedAt;
        double seconds = started == null ? 0 : Duration.between(started, until).toMillis() / 1000.0;
        double rate = seconds > 0 ? done / seconds : 0;
        Double left = state == State.DONE ? Double.valueOf(0) : rate > 0 ? round((total - done) / rate) : null;
        return new RebuildStatus(id, readModels, state.name(), done, total, round(rate), left,
                tools.properties.batchSize(), requestedAt, finishedAt, error);
    }

    private boolean hasReached(long head) {
        return replay.isCaughtUp() && replay.position().orElse(-1) >= head;
    }

    private void cleanUp(List<String> tables) {
        try {
            if (replay != null) {
                replay.stop();
                tools.forget(replay.name());
            }
            tools.shadow.drop(tables);
        } catch (RuntimeException e) {
            log.warn("Rebuild {} could not clean up after itself", id, e);
        }
    }

    private void finish(State end) {
        finishedAt = clock.instant();
        state = end;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static final class Cancelled extends Exception {
    }
}
