package nl.kindpakket.ledger.ops.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.kindpakket.ledger.api.reset.ResetJobStatus;

/** The five measures of a run, in the order they build on each other; each adds its rows to the table. */
final class Measures {

    private final BenchPlan plan;
    private final BenchLedger ledger;
    private final Phases phases;
    private final Table table;
    private final BenchTown town;
    private int payloadBytes;
    private double rawRead;
    private int historyYear;
    private int historyChildren;

    Measures(BenchPlan plan, BenchLedger ledger, Phases phases, Table table) {
        this.plan = plan;
        this.ledger = ledger;
        this.phases = phases;
        this.table = table;
        this.town = new BenchTown(ledger);
    }

    void bulk() throws Exception {
        town.open(plan.size());
        ResetJobStatus grants;
        try (var phase = phases.start("bulk: annual reset granting " + plan.size())) {
            grants = town.reset(town.year - 2, plan.size(), "A");
            phase.count(plan.size(), "events");
        }
        catchUp();
        ResetJobStatus reset;
        long before = ledger.headPosition();
        try (var phase = phases.start("bulk: annual reset expiring and renewing " + plan.size())) {
            reset = town.reset(town.year - 1, plan.size(), "B");
            phase.count(2L * plan.size(), "events");
        }
        long head = ledger.headPosition();
        long caughtUp = System.nanoTime();
        try (var phase = phases.start("bulk: read models catching up")) {
            new Projections(ledger).awaitHead(head, LedgerBenchmark.PROJECTION_TIMEOUT_SECONDS);
        }
        double lag = (System.nanoTime() - caughtUp) / 1e9;
        payloadBytes = ledger.jdbc().queryForObject("select coalesce(avg(length(payload)), 400)::int from domain_event_entry", Integer.class);
        double raw;
        try (var phase = phases.start("raw: batched insert")) {
            raw = RawInsertBaseline.batchedInsert(plan.database(), 2 * plan.size(), 500, payloadBytes);
            phase.count(2L * plan.size(), "rows");
        }
        double grantRate = plan.size() / BenchTown.seconds(grants);
        double resetRate = 2.0 * plan.size() / BenchTown.seconds(reset);
        table.add(new Table.Row("1", String.format("bulk: annual reset, expire %,d + renew %,d entitlements", plan.size(), plan.size()),
                String.format("%s events/s (%,.1f s)", Table.rate(resetRate), BenchTown.seconds(reset)),
                String.format("%s rows/s batched insert (500 a batch)", Table.rate(raw)), Table.ratio(resetRate, raw),
                Targets.resetTarget(), Targets.atSize(Targets.reset(resetRate), plan.size(), Targets.RESET_SIZE, "entitlements"),
                resetRate));
        table.add(new Table.Row("1a", String.format("bulk (context): the reset before it, granting %,d", plan.size()),
                String.format("%s events/s (%,.1f s)", Table.rate(grantRate), BenchTown.seconds(grants)),
                "", Table.ratio(grantRate, raw), "", "", grantRate));
        table.add(new Table.Row("1b", "bulk (context): the read models, running alongside, caught up with the reset",
                String.format("%,.1f s after it finished; %s events/s over the reset and the catch-up", lag,
                        Table.rate((head - before) / (BenchTown.seconds(reset) + lag))),
                "", "", "", "", head - before));
    }

    private LiveMeasure.Best single;

    void live() throws Exception {
        single = LiveMeasure.run(plan, ledger, phases, table, payloadBytes);
        catchUp();
    }

    /** Two instances on one store: after every other measure (see {@link LiveMeasure#twoInstances}). */
    void twoInstances() throws Exception {
        LiveMeasure.twoInstances(plan, ledger, phases, table, single);
    }

    void replay() throws Exception {
        Projections projections = new Projections(ledger);
        projections.stop();
        try (var phase = phases.start("history: raw events up to " + plan.events())) {
            historyYear = town.year - 3;
            long before = ledger.eventCount();
            phase.count(SyntheticHistory.fill(plan.database(), ledger.axon().eventSerializer(), historyYear, before, plan.events()), "events");
            historyChildren = ledger.jdbc().queryForObject("select count(*) from domain_event_entry where aggregate_identifier like ?"
                    + " and sequence_number = 0 and type = 'Entitlement'", Integer.class, BenchLedger.MUNICIPALITY + ":" + historyYear + ":%");
        }
        long events = ledger.eventCount();
        long head = ledger.headPosition();
        try (var phase = phases.start("raw: read and deserialise")) {
            rawRead = RawReadBaseline.read(plan.database(), ledger.bean("defaultAxonObjectMapper", ObjectMapper.class), events);
            phase.count(events, "events");
        }
        long start = System.nanoTime();
        try (var phase = phases.start("replay: all read models")) {
            projections.rebuild(LedgerBenchmark.PROJECTION_TIMEOUT_SECONDS);
            projections.awaitHead(head, LedgerBenchmark.PROJECTION_TIMEOUT_SECONDS);
            phase.count(events, "events");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = events / seconds;
        table.add(new Table.Row("3", String.format("replay: rebuild all %d read models from %,d events (one fold of the store)", projections.count(), events),
                String.format("%s events/s (%,.1f s)", Table.rate(rate), seconds),
                String.format("%s events/s read and deserialised (one cursor, fetch %d)", Table.rate(rawRead), RawReadBaseline.FETCH_SIZE),
                Table.ratio(rate, rawRead), Targets.replayTarget(),
                Targets.atSize(Targets.replay(rate, rawRead), events, Targets.STORE_SIZE, "events"), rate));
    }

    void reports() throws Exception {
        BenchHttp auditor = new BenchHttp(ledger.baseUrl(), BenchLedger.AUDITOR_USER, null);
        String base = "/api/v1/municipalities/" + BenchLedger.MUNICIPALITY;
        int y = historyYear;
        Map<String, IntFunction<String>> endpoints = new LinkedHashMap<>();
        endpoints.put("monthly-passes", n -> base + "/reports/monthly-passes?year=" + y + "&compareYear=" + (y - 1));
        endpoints.put("spending-lines", n -> base + "/reports/spending-lines?year=" + y);
        endpoints.put("overhead", n -> base + "/reports/overhead?year=" + y);
        endpoints.put("providers", n -> base + "/reports/providers?year=" + y);
        if (historyChildren > 0) {
            endpoints.put("entitlement view", n -> base + "/years/" + y + "/entitlements/"
                    + SyntheticYear.ref((int) ((n * 7_919L) % historyChildren)));
        } else {
            table.note("The store held more than %,d events before the history was written, so it has no history year and no"
                    + " entitlement view was measured.", plan.events());
        }
        char id = 'a';
        long events = ledger.eventCount();
        for (var endpoint : endpoints.entrySet()) {
            Latencies latencies;
            try (var phase = phases.start("reports: " + endpoint.getKey())) {
                latencies = ReportLatency.measure(auditor, plan.reportRequests(), endpoint.getValue());
                phase.count(latencies.count(), "requests");
            }
            double p99 = latencies.millis(99);
            table.add(new Table.Row("4" + id++, String.format("report %s (year %d, %,d requests after warm-up)", endpoint.getKey(), y,
                    latencies.count()), latencies.summary(), "", "", "p99 < 20 ms",
                    Targets.atSize(Table.below(p99, Targets.REPORT_P99_MS), events, Targets.STORE_SIZE, "events"), p99));
        }
    }

    void export() throws Exception {
        BenchHttp integrator = new BenchHttp(ledger.baseUrl(), BenchLedger.INTEGRATOR_USER, null);
        double rawFetch;
        try (var phase = phases.start("raw: read without deserialising")) {
            rawFetch = RawReadBaseline.read(plan.database(), null, ledger.eventCount());
            phase.count(ledger.eventCount(), "rows");
        }
        String raw = String.format("%s rows/s fetched only; %s events/s with deserialising (3)", Table.rate(rawFetch), Table.rate(rawRead));
        StreamExport.Result result;
        try (var phase = phases.start("export: event stream")) {
            result = StreamExport.run(integrator, BenchLedger.MUNICIPALITY);
            phase.count(result == null ? 0 : result.events(), "events");
        }
        if (result == null) {
            table.add(new Table.Row("5", "export: GET /api/v1/events", "not measured: this build has no event stream (404)",
                    raw, "", ">= 100,000 events/s", "not measured", 0));
            return;
        }
        table.add(new Table.Row("5", String.format("export: GET /api/v1/events NDJSON as an integrator, pages of %,d, %,d events",
                StreamExport.PAGE, result.events()),
                String.format("%s events/s (%,.1f s)", Table.rate(result.rate()), result.seconds()),
                raw, Table.ratio(result.rate(), rawFetch) + " of fetch only",
                ">= 100,000 events/s", Targets.atSize(Table.atLeast(result.rate(), Targets.EXPORT_EVENTS, "events/s"), result.events(),
                        Targets.STORE_SIZE, "events"), result.rate()));
    }

    private void catchUp() throws Exception {
        new Projections(ledger).awaitHead(ledger.headPosition(), LedgerBenchmark.PROJECTION_TIMEOUT_SECONDS);
    }
}
