package nl.kindpakket.ledger.api.alerts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import nl.kindpakket.ledger.api.reports.MunicipalityNames;
import nl.kindpakket.ledger.projections.entitlement.CreditAlerts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The alerts as gauges per municipality: {@code ledger_alert_low_credit_lines} (active entitlement lines with credit
 * under the configured share of their grant) and {@code ledger_alert_expiring_holds} (open holds expiring within the
 * configured time). Counted again every {@code ledger.alerts.refresh} on a thread of their own, never on a scrape; a
 * municipality counted once stays, at 0 when it has nothing left to alert on.
 */
@Component
class AlertMetrics implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AlertMetrics.class);

    private final CreditAlerts alerts;
    private final AlertProperties properties;
    private final Clock clock;
    private final MultiGauge lowCredit;
    private final MultiGauge expiring;
    private final Set<String> seen = new HashSet<>();
    private final ScheduledExecutorService counter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ledger-alert-gauges");
        thread.setDaemon(true);
        return thread;
    });

    AlertMetrics(MeterRegistry registry, CreditAlerts alerts, AlertProperties properties, Clock clock,
            MunicipalityNames names) {
        this.alerts = alerts;
        this.properties = properties;
        this.clock = clock;
        // the municipalities the service is set up for show 0 from the start, not nothing until their first alert
        this.seen.addAll(names.municipalityNames().keySet());
        this.lowCredit = MultiGauge.builder("ledger.alert.low.credit.lines")
                .description("lines of active entitlements whose credit is under the alert share of their grant")
                .register(registry);
        this.expiring = MultiGauge.builder("ledger.alert.expiring.holds")
                .description("open holds that expire within the alert time")
                .register(registry);
        lowCredit.register(rows(Map.of()));
        expiring.register(rows(Map.of()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long every = properties.refresh().toMillis();
        counter.scheduleWithFixedDelay(this::count, 0, every, TimeUnit.MILLISECONDS);
    }

    synchronized void count() {
        try {
            Map<String, Long> low = alerts.lowCreditCounts(properties.lowCreditShare());
            Map<String, Long> soon = alerts.expiringCounts(clock.instant().plus(properties.expiringWithin()));
            seen.addAll(low.keySet());
            seen.addAll(soon.keySet());
            lowCredit.register(rows(low), true);
            expiring.register(rows(soon), true);
        } catch (RuntimeException e) {
            // the gauges keep their last counts; the store's own health says why it failed
            log.warn("could not count the alerts: {}", e.toString());
        }
    }

    private List<MultiGauge.Row<?>> rows(Map<String, Long> counts) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (String municipality : seen) {
            rows.add(MultiGauge.Row.of(Tags.of("municipality", municipality), counts.getOrDefault(municipality, 0L)));
        }
        return rows;
    }

    @Override
    public void destroy() {
        counter.shutdownNow();
    }
}
