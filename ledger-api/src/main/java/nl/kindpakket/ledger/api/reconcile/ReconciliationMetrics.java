package nl.kindpakket.ledger.api.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The last completed reconciliation as gauges: {@code ledger_reconciliation_differing_rows} (0 when every row was
 * equal) and {@code ledger_reconciliation_completed_seconds} (when it ended, in seconds since the epoch), both absent
 * until one has completed. The alerts fire on rows that differ and on a nightly check that did not happen.
 */
@Component
class ReconciliationMetrics {

    private static final Duration FRESH = Duration.ofSeconds(10);

    private final Reconciliations reconciliations;
    private volatile Optional<ReconciliationStatus> last = Optional.empty();
    private volatile Instant readAt = Instant.MIN;

    ReconciliationMetrics(MeterRegistry registry, Reconciliations reconciliations) {
        this.reconciliations = reconciliations;
        gauge(registry, "ledger.reconciliation.differing.rows",
                "rows of the read models that differed from a fresh fold of the events at the last reconciliation",
                status -> status.differingRows() == null ? Double.NaN : status.differingRows());
        gauge(registry, "ledger.reconciliation.completed",
                "when the last reconciliation of the read models completed, in seconds since the epoch",
                status -> status.finishedAt().getEpochSecond());
    }

    private void gauge(MeterRegistry registry, String name, String description,
                       ToDoubleFunction<ReconciliationStatus> value) {
        Gauge.builder(name, this, metrics -> metrics.last().map(value::applyAsDouble).orElse(Double.NaN))
                .description(description)
                .baseUnit(name.endsWith("completed") ? "seconds" : null)
                .register(registry);
    }

    /** Read at most every few seconds, however often Prometheus asks. */
    private Optional<ReconciliationStatus> last() {
        Instant now = Instant.now();
        if (Duration.between(readAt, now).compareTo(FRESH) > 0) {
            last = reconciliations.lastCompared();
            readAt = now;
        }
        return last;
    }
}
