package nl.kindpakket.ledger.ops.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How big each measure of {@code ops bench} is. The defaults are the full run the targets are stated for;
 * {@code --quick} scales everything down for a smoke run; every size can be set on its own.
 *
 * @param size           entitlements expired and renewed by the annual reset
 * @param events         events in the store when the projections are replayed and the reports read
 * @param children       entitlements the live redemptions spread over
 * @param liveRate       redemptions per second of the open-loop run
 * @param liveSeconds    duration of the open-loop run
 * @param workers        closed-loop concurrency levels of the ramp
 * @param rampSeconds    duration of each ramp level
 * @param reportRequests requests per report endpoint, after as many warm-up requests as a tenth of it
 * @param profile        where to write a flight recording of each measure, or null for none
 * @param ledgerSettings extra {@code name=value} settings the ledger is booted with, to measure a configuration change
 */
public record BenchPlan(BenchDatabase database, int size, int events, int children, int liveRate, int liveSeconds,
        List<Integer> workers, int rampSeconds, int reportRequests, Path profile, List<String> ledgerSettings) {

    public static BenchPlan from(Options options) {
        boolean quick = options.flag("quick");
        int size = options.integer("size", quick ? 5_000 : 100_000);
        BenchDatabase database = new BenchDatabase(options.get("server", "jdbc:postgresql://127.0.0.1:5432"),
                options.get("database", "ledger_bench"), options.get("user", "postgres"));
        String profile = options.get("profile", null);
        return new BenchPlan(database,
                size,
                options.integer("events", quick ? 100_000 : 2_000_000),
                Math.min(size, options.integer("children", 20_000)),
                options.integer("rate", 300),
                options.integer("live-seconds", quick ? 10 : 60),
                integers(options.get("workers", quick ? "8,32" : "8,16,32,64")),
                options.integer("ramp-seconds", quick ? 4 : 10),
                options.integer("report-requests", quick ? 300 : 2_000),
                profile == null ? null : Path.of(profile),
                settings(options.get("set", "")));
    }

    /** {@code --set a.b=1;c.d=2}: settings are separated by semicolons, since a value may hold a comma. */
    private static List<String> settings(String list) {
        return Arrays.stream(list.split(";")).map(String::strip).filter(s -> !s.isEmpty()).peek(s -> {
            if (!s.contains("=")) {
                throw new IllegalArgumentException("--set expects name=value, got " + s);
            }
        }).toList();
    }

    private static List<Integer> integers(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).map(Integer::parseInt).toList();
    }
}
