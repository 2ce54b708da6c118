package nl.kindpakket.ledger.ops.bench;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.kindpakket.ledger.api.rebuild.RebuildStatus;

/**
 * {@code ops bench-replay}: how a rebuild of the read models and the reports grow with the store. For each size in
 * turn the store is filled with past years up to that many events (written raw), read once and deserialised as a
 * baseline, then every read model is rebuilt and each report asked for; one row per size. Prints a Markdown table.
 */
public final class ReplayScaling {

    private ReplayScaling() {
    }

    /** Runs every size and prints the table; a failure is printed and ends the process with 1. */
    static void measure(BenchDatabase database, List<Integer> sizes, int requests, List<String> settings) {
        try {
            List<String> rows = run(database, sizes.stream().sorted().toList(), requests, settings);
            System.out.println();
            rows.forEach(System.out::println);
            System.out.flush();
        } catch (Exception | Error failure) {
            failure.printStackTrace();
            System.exit(1);
        }
    }

    static List<String> run(BenchDatabase database, List<Integer> sizes, int requests, List<String> settings)
            throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add("| events in store | rebuild | events/s | raw read and deserialise | ledger / raw | parts "
                + "| peak heap used | most live after a collection | p99 monthly | p99 spending lines | p99 overhead "
                + "| p99 providers | p99 entitlement view |");
        rows.add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        String started = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        database.recreate();
        Progress.say("booting the ledger on %s", database.jdbcUrl());
        try (BenchLedger ledger = BenchLedger.boot(database, settings)) {
            Projections projections = new Projections(ledger);
            int latestYear = LocalDate.now().getYear() - 1;
            int nextYear = latestYear;
            for (int size : sizes) {
                projections.stop();
                Progress.say("filling the store up to %,d events", size);
                SyntheticHistory.Filled filled = SyntheticHistory.fillYears(database, ledger.axon().eventSerializer(),
                        nextYear, ledger.eventCount(), size);
                nextYear = filled.earliestYear() - 1;
                long events = ledger.eventCount();
                double raw = RawReadBaseline.read(database,
                        ledger.bean("defaultAxonObjectMapper", ObjectMapper.class), events);
                Progress.say("raw read of %,d events: %,.0f events/s; rebuilding", events, raw);
                RebuildStatus rebuilt;
                long start = System.nanoTime();
                try (HeapWatch heap = new HeapWatch()) {
                    rebuilt = projections.rebuild(LedgerBenchmark.PROJECTION_TIMEOUT_SECONDS);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double rate = events / seconds;
                    Progress.say("rebuilt %,d events in %.1f s: %,.0f events/s", events, seconds, rate);
                    projections.awaitHead(ledger.headPosition(), LedgerBenchmark.PROJECTION_TIMEOUT_SECONDS);
                    Map<String, Double> p99 = reports(ledger, latestYear, requests);
                    rows.add(String.format(Locale.ROOT, "| %,d | %.1f s | %,.0f | %,.0f | %.3f | %d | %,d MiB | %,d MiB "
                                    + "| %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms |", events, seconds, rate, raw,
                            rate / raw, rebuilt.parts(), heap.peakUsedMiB(), heap.peakAfterGcMiB(),
                            p99.get("monthly-passes"), p99.get("spending-lines"), p99.get("overhead"),
                            p99.get("providers"), p99.get("entitlement view")));
                }
            }
            rows.add("");
            rows.add(String.format(Locale.ROOT, "Run %s on %d cores, -Xmx%,d MiB, %s.%s", started,
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    ledger.postgresVersion(), settings.isEmpty() ? "" : " Settings: " + String.join("; ", settings)));
        }
        return rows;
    }

    /** The p99 of each report, for the latest history year, after warming up. */
    private static Map<String, Double> reports(BenchLedger ledger, int year, int requests) throws Exception {
        BenchHttp auditor = new BenchHttp(ledger.baseUrl(), BenchLedger.AUDITOR_USER, null);
        String base = "/api/v1/municipalities/" + BenchLedger.MUNICIPALITY;
        int children = ledger.jdbc().queryForObject("select count(*) from domain_event_entry where aggregate_identifier "
                + "like ? and sequence_number = 0 and type = 'Entitlement'", Integer.class,
                BenchLedger.MUNICIPALITY + ":" + year + ":%");
        Map<String, IntFunction<String>> endpoints = new LinkedHashMap<>();
        endpoints.put("monthly-passes", n -> base + "/reports/monthly-passes?year=" + year + "&compareYear=" + (year - 1));
        endpoints.put("spending-lines", n -> base + "/reports/spending-lines?year=" + year);
        endpoints.put("overhead", n -> base + "/reports/overhead?year=" + year);
        endpoints.put("providers", n -> base + "/reports/providers?year=" + year);
        endpoints.put("entitlement view", n -> base + "/years/" + year + "/entitlements/"
                + SyntheticYear.ref((int) ((n * 7_919L) % Math.max(1, children))));
        Map<String, Double> p99 = new LinkedHashMap<>();
        for (var endpoint : endpoints.entrySet()) {
            p99.put(endpoint.getKey(), ReportLatency.measure(auditor, requests, endpoint.getValue()).millis(99));
        }
        return p99;
    }
}
