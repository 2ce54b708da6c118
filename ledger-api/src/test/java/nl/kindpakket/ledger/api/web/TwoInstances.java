package nl.kindpakket.ledger.api.web;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import nl.kindpakket.ledger.api.LedgerApplication;
import nl.kindpakket.ledger.api.fault.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the service in one JVM, each a Spring context of its own with its own web server, pool, processors,
 * caches and token owner, on one store of their own: as two instances behind a load balancer on one PostgreSQL.
 */
final class TwoInstances implements AutoCloseable {

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    TwoInstances(String schema, String... settings) throws Exception {
        String store = TestDatabase.freshStore(schema);
        for (int i = 0; i < 2; i++) {
            List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + store, "--server.port=0",
                    "--spring.datasource.hikari.maximum-pool-size=10", "--spring.application.name=ledger-" + (char) ('a' + i)));
            arguments.addAll(List.of(settings));
            // one after the other: the first migrates the schema
            contexts.add(new SpringApplicationBuilder(LedgerApplication.class).profiles("test")
                    .run(arguments.toArray(String[]::new)));
        }
    }

    /** Instance 0 or 1. */
    LedgerHttp http(int instance) {
        return new LedgerHttp(((WebServerApplicationContext) contexts.get(instance)).getWebServer().getPort());
    }

    <T> T bean(int instance, Class<T> type) {
        return contexts.get(instance).getBean(type);
    }

    /** Attempts of commands that lost a race with a concurrent change, on both instances together. */
    double conflictedAttempts() {
        return conflictedAttempts(0) + conflictedAttempts(1);
    }

    double conflictedAttempts(int instance) {
        return count(instance, "ledger.commands", "outcome", "conflicted");
    }

    /** Entitlements that commands on the instance loaded from its cache ("hit") or from their events ("miss"). */
    double cachedLoads(int instance, String result) {
        return count(instance, "ledger.aggregate.cache", "aggregate", "Entitlement", "result", result);
    }

    private double count(int instance, String meter, String... tags) {
        return contexts.get(instance).getBean(MeterRegistry.class).find(meter).tags(tags).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    @Override
    public void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }
}
