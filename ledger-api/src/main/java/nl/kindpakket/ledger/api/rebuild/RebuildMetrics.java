package nl.kindpakket.ledger.api.rebuild;

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

    RebuildMetrics(MeterRegistry registry, Rebuilds rebuilds) {
        for (String readModel : rebuilds.readModels()) {
            gauge(registry, rebuilds, readModel, "ledger.projection.replay.events.done", "events folded",
                    RebuildStatus::eventsDone);
            gauge(registry, rebuilds, readModel, "ledger.projection.replay.events.expected", "events to fold",
                    RebuildStatus::eventsTotal);
            gauge(registry, rebuilds, readModel, "ledger.projection.replay.events.rate", "events folded per second",
                    RebuildStatus::eventsPerSecond);
            gauge(registry, rebuilds, readModel, "ledger.projection.replay.seconds.left", "seconds left at that rate",
                    status -> status.secondsLeft() == null ? 0 : status.secondsLeft());
        }
    }

    private static void gauge(MeterRegistry registry, Rebuilds rebuilds, String readModel, String name,
                              String description, ToDoubleFunction<RebuildStatus> value) {
        Gauge.builder(name, rebuilds, r -> r.latest().map(value::applyAsDouble).orElse(0.0))
                .tag("projection", readModel)
                .description(description)
                .register(registry);
    }
}
