package nl.kindpakket.ledger.api.rebuild;

import java.time.Duration;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The progress of the latest rebuild as gauges, tagged with each read model (a rebuild rebuilds them all): in
 * Prometheus {@code ledger_projection_replay_events_done}, {@code .._events_expected} (a gauge may not end in
 * _total), {@code .._events_rate} (events per second) and {@code .._seconds_left}. All zero before any rebuild.
 */
@Component
class RebuildMetrics {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final Rebuilds rebuilds;
    private volatile Optional<RebuildStatus> latest = Optional.empty();
    private volatile long readAt;

    RebuildMetrics(MeterRegistry registry, Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
        this.readAt = System.nanoTime() - 2 * FRESH.toNanos();
        for (String readModel : rebuilds.readModels()) {
            gauge(registry, readModel, "ledger.projection.replay.events.done", "events folded",
                    RebuildStatus::eventsDone);
            gauge(registry, readModel, "ledger.projection.replay.events.expected", "events to fold",
                    RebuildStatus::eventsTotal);
            gauge(registry, readModel, "ledger.projection.replay.events.rate", "events folded per second",
                    RebuildStatus::eventsPerSecond);
            gauge(registry, readModel, "ledger.projection.replay.seconds.left", "seconds left at that rate",
                    status -> status.secondsLeft() == null ? 0 : status.secondsLeft());
        }
    }

    private void gauge(MeterRegistry registry, String readModel, String name, String description,
                       ToDoubleFunction<RebuildStatus> value) {
        Gauge.builder(name, this, metrics -> metrics.latest().map(value::applyAsDouble).orElse(0.0))
                .tag("projection", readModel)
                .description(description)
                .register(registry);
    }

    /** The latest rebuild, read at most once a second however many gauges a scrape reads. */
    private Optional<RebuildStatus> latest() {
        long now = System.nanoTime();
        if (now - readAt > FRESH.toNanos()) {
            latest = rebuilds.latest();
            readAt = now;
        }
        return latest;
    }
}
