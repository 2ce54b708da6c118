package nl.kindpakket.ledger.ops.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances of the ledger on one store, as behind a load balancer: a second one booted in this process on the bench
 * database with a web server of its own, one of the first's read-model segments handed to it, and the closed-loop
 * redemptions sent to both in turn on the same entitlements. Both share the same cores, so what this shows is what sharing
 * the store costs and that the answers and figures stay those of one instance, not more speed.
 */
final class TwoInstanceLoad {

    private static final String REDEMPTIONS = "select count(*) from domain_event_entry where payload_type like '%.RedeemedAtProvider'";
    private static final long WAIT_SECONDS = 120;

    /**
     * @param load       the answers to the closed loop over both instances
     * @param conflicted attempts of commands that lost a race with the other instance and were sent again
     * @param stored     redemptions the store gained during the load
     * @param owners     the owners of the read models' segments during the load, one per segment
     * @param folded     redemptions the read models count after both instances' segments caught up
     * @param inStore    redemptions in the store then
     */
    record Result(LiveLoad.Result load, double conflicted, long stored, List<String> owners, long folded, long inStore) {

        long answered(int status) {
            return load.statuses().getOrDefault(status, 0L);
        }

        long otherServerErrors() {
            return load.statuses().entrySet().stream().filter(e -> e.getKey() >= 500 && e.getKey() != 503)
                    .mapToLong(Map.Entry::getValue).sum();
        }

        /** What is not as one instance would have it; empty when all is right. */
        List<String> wrongs() {
            List<String> wrongs = new ArrayList<>();
            for (int status : new int[] {409, 503}) {
                if (answered(status) > 0) {
                    wrongs.add(String.format("%,d answers %d", answered(status), status));
                }
            }
            if (otherServerErrors() > 0) {
                wrongs.add(String.format("%,d other 5xx", otherServerErrors()));
            }
            if (answered(-1) > 0) {
                wrongs.add(String.format("%,d unanswered", answered(-1)));
            }
            if (stored != load.created()) {
                wrongs.add(String.format("%,d redemptions stored for %,d created", stored, load.created()));
            }
            if (owners.size() < 2 || owners.stream().distinct().count() != owners.size()) {
                wrongs.add("segments not one per instance: " + owners);
            }
            if (folded != inStore) {
                wrongs.add(String.format("read models count %,d redemptions, the store %,d", folded, inStore));
            }
            return wrongs;
        }
    }

    private TwoInstanceLoad() {
    }

    static Result run(BenchPlan plan, BenchLedger first, Phases phases, int workers) throws Exception {
        Projections firstProjections = new Projections(first);
        Progress.say("booting a second instance of the ledger on the same store");
        List<String> settings = new ArrayList<>(List.of("ledger.processing.max-claimed-segments=1"));
        settings.addAll(plan.ledgerSettings());
        int held = firstProjections.heldSegments();
        int handedOver = -1;
        Result result;
        try (BenchLedger second = BenchLedger.boot(plan.database(), settings)) {
            Projections secondProjections = new Projections(second);
            // with one segment there is nothing to share: the row then says the segments were not one per instance
            if (held >= 2) {
                handedOver = firstProjections.releaseOneSegment(Duration.ofDays(1));
                secondProjections.awaitSegments(1, WAIT_SECONDS);
                firstProjections.awaitSegments(held - 1, WAIT_SECONDS);
                Progress.say("  the read models' segment %d is now the second instance's", handedOver);
            }
            List<String> owners = first.jdbc().queryForList(
                    "select owner from token_entry where processor_name = 'read-models' order by segment", String.class);
            LiveLoad live = new LiveLoad(List.of(provider(first), provider(second)), plan.children());
            live.closedLoop(4, Math.min(3, plan.rampSeconds()));
            double conflictedBefore = conflicted(first) + conflicted(second);
            long storedBefore = count(first.jdbc(), REDEMPTIONS);
            LiveLoad.Result load;
            try (var phase = phases.start(phase(workers))) {
                load = live.closedLoop(workers, plan.rampSeconds());
                phase.count(load.created(), "redemptions");
            }
            Progress.say("  two instances, %d workers: %s redemptions/s, %s, answers %s", workers, Table.rate(load.rate()),
                    load.latencies().summary(), load.statuses());
            double conflicted = conflicted(first) + conflicted(second) - conflictedBefore;
            long inStore = count(first.jdbc(), REDEMPTIONS);
            long head = first.headPosition();
            firstProjections.awaitHead(head, WAIT_SECONDS);
            if (handedOver >= 0) {
                secondProjections.awaitHead(head, WAIT_SECONDS);
            }
            long folded = count(first.jdbc(), "select coalesce(sum(redemption_count), 0) from provider_month");
            result = new Result(load, conflicted, inStore - storedBefore, owners, folded, inStore);
        } finally {
            if (handedOver >= 0) {
                firstProjections.reclaim(handedOver);
            }
        }
        firstProjections.awaitSegments(held, WAIT_SECONDS);
        return result;
    }

    /** Row 2c, beside the single instance's best closed loop of the same run (2b) and its raw baseline. */
    static Table.Row row(Result two, LiveLoad.Result one, double rawCommits, int seconds) {
        LiveLoad.Result load = two.load();
        List<String> wrongs = two.wrongs();
        return new Table.Row("2c", String.format("live: two instances on one store, closed loop of %d workers for %d s, each"
                        + " entitlement's redemptions sent to both in turn", load.workers(), seconds),
                String.format("%s/s over both, p99 %s ms (one instance, 2b: %s/s, p99 %s ms); answers 409: %,d, 503: %,d, other 5xx: %,d;"
                                + " %,.0f attempts lost a race and were retried; store: %,d redemptions for %,d created; read models,"
                                + " %d segments held by %d instances: %,d redemptions counted, %,d in the store",
                        Table.rate(load.rate()), Table.ms(load.latencies().millis(99)), Table.rate(one.rate()),
                        Table.ms(one.latencies().millis(99)), two.answered(409), two.answered(503), two.otherServerErrors(),
                        two.conflicted(), two.stored(), load.created(), two.owners().size(), two.owners().stream().distinct().count(),
                        two.folded(), two.inStore()),
                String.format("%s commits/s at %d threads (as 2b)", Table.rate(rawCommits), load.workers()),
                Table.ratio(load.rate(), rawCommits) + "; " + Table.ratio(load.rate(), one.rate()) + " of one instance",
                "no 409, 503 or 5xx; a stored redemption per 201; segments shared; read models right",
                wrongs.isEmpty() ? "met" : "**missed**: " + String.join("; ", wrongs), load.rate());
    }

    /** What the row shows, in a sentence under the table. */
    static String meaning(Result two, LiveLoad.Result one, double oneCpuMillis, double twoCpuMillis) {
        LiveLoad.Result load = two.load();
        String sharing = String.format("Two instances (2c) on the same %d cores share them: %s redemptions/s over both against %s/s"
                        + " for one (%s×). Sharing the store cost %s ms of CPU (ledger threads and PostgreSQL) per redemption"
                        + " against %s ms on one instance: a second pool, cache and processor on the same cores, and %,.0f attempts"
                        + " (%.1f%% of the created) that lost a race on an entitlement to the other instance and were retried.",
                Runtime.getRuntime().availableProcessors(), Table.rate(load.rate()), Table.rate(one.rate()),
                Table.ratio(load.rate(), one.rate()), Table.ms(twoCpuMillis), Table.ms(oneCpuMillis), two.conflicted(),
                100 * two.conflicted() / Math.max(1, load.created()));
        return sharing + (two.wrongs().isEmpty()
                ? " Every answer was a 201, as from one instance; the store holds a redemption for each, and the read models,"
                        + " folded by both, count the store's."
                : " Not as one instance: " + String.join("; ", two.wrongs()) + ".");
    }

    static String phase(int workers) {
        return "live: two instances, " + workers + " workers closed loop";
    }

    private static TillClient provider(BenchLedger ledger) {
        return new TillClient(ledger.baseUrl(), BenchLedger.PROVIDER_USER);
    }

    private static double conflicted(BenchLedger ledger) {
        return ledger.bean(MeterRegistry.class).find("ledger.commands").tags("outcome", "conflicted").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }
}
