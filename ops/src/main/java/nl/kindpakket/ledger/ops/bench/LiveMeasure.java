package nl.kindpakket.ledger.ops.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.env.Environment;

/**
 * The live measures: redemptions over HTTP in an open loop and in closed loops of rising concurrency beside raw
 * single-row commits at each (rows 2a and 2b), then the best closed loop over two instances on the same store (2c).
 */
final class LiveMeasure {

    private LiveMeasure() {
    }

    /** The single instance's best closed loop and the raw commits at its concurrency, for the two-instance row. */
    record Best(LiveLoad.Result loop, double rawAtBest) {
    }

    /**
     * The open loop is measured after as long a run at its rate, up to 30 s, unmeasured, on entitlements of other
     * children where the town has them: the service's first seconds at a new load (its compiler on the request path,
     * its pools' threads and connections growing) are not its latency at that load, and on two cores the compiler
     * takes about half a minute to catch up at 300/s. The measured run still meets its entitlements cold, and the
     * warm-up's own latencies are printed beside it.
     */
    static int warmUpSeconds(BenchPlan plan) {
        return Math.min(30, plan.liveSeconds());
    }

    static Best run(BenchPlan plan, BenchLedger ledger, Phases phases, Table table, int payloadBytes) throws Exception {
        List<TillClient> instance = List.of(new TillClient(ledger.baseUrl(), BenchLedger.PROVIDER_USER));
        LiveLoad live = new LiveLoad(instance, plan.children());
        int warmUpRequests = plan.liveRate() * warmUpSeconds(plan);
        int otherChildren = Math.min(warmUpRequests, plan.size() - plan.children());
        LiveLoad warming = otherChildren > 0 ? new LiveLoad(instance, otherChildren, plan.children()) : live;
        LiveLoad.Result warmUp = warming.openLoop("warm-up", plan.liveRate(), warmUpSeconds(plan));
        Progress.say("  warm-up at %d/s for %d s on %s: %s, answers %s", plan.liveRate(), warmUpSeconds(plan),
                otherChildren > 0 ? String.format("%,d other entitlements", otherChildren) : "the same entitlements",
                warmUp.latencies().summary(), warmUp.statuses());
        LiveLoad.Result open;
        Batches before = Batches.of(ledger);
        try (var phase = phases.start("live: " + plan.liveRate() + "/s open loop")) {
            open = live.openLoop("open loop", plan.liveRate(), plan.liveSeconds());
            phase.count(open.created(), "redemptions");
        }
        Batches openBatches = Batches.of(ledger).since(before);
        Progress.say("  open loop: the read models' processor %s", openBatches);
        List<LiveLoad.Result> ramp = new ArrayList<>();
        Map<Integer, Batches> rampBatches = new LinkedHashMap<>();
        for (int workers : plan.workers()) {
            before = Batches.of(ledger);
            try (var phase = phases.start(closedLoopPhase(workers))) {
                ramp.add(live.closedLoop(workers, plan.rampSeconds()));
                phase.count(ramp.get(ramp.size() - 1).created(), "redemptions");
            }
            rampBatches.put(workers, Batches.of(ledger).since(before));
            Progress.say("  %d workers: %s redemptions/s, %s, answers %s; the read models' processor %s", workers,
                    Table.rate(ramp.get(ramp.size() - 1).rate()), ramp.get(ramp.size() - 1).latencies().summary(),
                    ramp.get(ramp.size() - 1).statuses(), rampBatches.get(workers));
        }
        int pool = ledger.bean(Environment.class)
                .getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 10);
        Map<Integer, Double> raw = new LinkedHashMap<>();
        for (int workers : plan.workers()) {
            try (var phase = phases.start("raw: single-row insert+commit, " + workers + " threads")) {
                raw.put(workers, RawSingleInserts.run(plan.database(), workers, pool, plan.rampSeconds(), payloadBytes));
                phase.count(Math.round(raw.get(workers) * plan.rampSeconds()), "rows");
            }
        }
        double p99 = open.latencies().millis(99);
        table.add(new Table.Row("2a", String.format("live: redemptions over HTTP at a fixed %d/s for %d s (open loop, after %d s at"
                        + " that rate unmeasured on %s entitlements, p99 %s ms)",
                plan.liveRate(), plan.liveSeconds(), warmUpSeconds(plan), otherChildren > 0 ? "other" : "the same",
                Table.ms(warmUp.latencies().millis(99))),
                String.format("%s; %,d created, %s", open.latencies().summary(), open.created(), open.failures()),
                "", "", Targets.openLoopTarget(), Targets.openLoop(plan.liveRate(), p99), p99));
        LiveLoad.Result best = ramp.stream().max(Comparator.comparingDouble(LiveLoad.Result::rate)).orElseThrow();
        double rawAtBest = raw.get(best.workers());
        StringBuilder levels = new StringBuilder();
        ramp.forEach(r -> levels.append(levels.isEmpty() ? "" : ", ").append(r.workers()).append(": ").append(Table.rate(r.rate())));
        table.add(new Table.Row("2b", String.format("live: maximum sustained redemptions (closed loop, %d s at each of %s workers)",
                plan.rampSeconds(), plan.workers()),
                String.format("%s/s at %d workers, p99 %s ms; %s (per level: %s)", Table.rate(best.rate()), best.workers(),
                        Table.ms(best.latencies().millis(99)), best.failures(), levels),
                String.format("%s commits/s at %d threads (pool of %d)", Table.rate(rawAtBest), best.workers(), Math.min(best.workers(), pool)),
                Table.ratio(best.rate(), rawAtBest), Targets.closedLoopTarget(), Targets.closedLoop(best.rate(), rawAtBest), best.rate()));
        table.note("The read models' processor during the open loop %s; during the closed loop of %d workers %s.",
                openBatches, best.workers(), rampBatches.get(best.workers()));
        table.note("");
        return new Best(best, rawAtBest);
    }

    /**
     * The read models' processor's committed batches so far, as its summary of events per batch counts them, and the
     * commands' commits, as the summary of units per group commit counts them.
     */
    record Batches(long count, double events, long groups, double units) {

        static Batches of(BenchLedger ledger) {
            MeterRegistry registry = ledger.bean(MeterRegistry.class);
            DistributionSummary batches = registry.find("ledger.processing.batch.events").summary();
            DistributionSummary grouped = registry.find("ledger.commands.commit.group.units").summary();
            return new Batches(batches == null ? 0 : batches.count(), batches == null ? 0 : batches.totalAmount(),
                    grouped == null ? 0 : grouped.count(), grouped == null ? 0 : grouped.totalAmount());
        }

        Batches since(Batches before) {
            return new Batches(count - before.count, events - before.events, groups - before.groups, units - before.units);
        }

        @Override
        public String toString() {
            String processor = count == 0 ? "committed no batch"
                    : String.format("committed %,d batches of %.1f events on average", count, events / count);
            return groups == 0 ? processor
                    : processor + String.format("; the commands' commits went in %,d groups of %.2f on average", groups, units / groups);
        }
    }

    /**
     * Row 2c, measured last of all: the second instance boots in this process, and once closed it stays reachable
     * (its context, pools and entitlement cache) for the rest of the run, which would take heap from the measures after
     * it. Its row stands after 2b.
     */
    static void twoInstances(BenchPlan plan, BenchLedger ledger, Phases phases, Table table, Best single) throws Exception {
        LiveLoad.Result best = single.loop();
        TwoInstanceLoad.Result two = TwoInstanceLoad.run(plan, ledger, phases, best.workers());
        table.insertAfter("2b", TwoInstanceLoad.row(two, best, single.rawAtBest(), plan.rampSeconds()));
        table.note("%s", TwoInstanceLoad.meaning(two, best, phases.cpuMillisPerUnit(closedLoopPhase(best.workers())),
                phases.cpuMillisPerUnit(TwoInstanceLoad.phase(best.workers()))));
        table.note("");
    }

    private static String closedLoopPhase(int workers) {
        return "live: " + workers + " workers closed loop";
    }
}
