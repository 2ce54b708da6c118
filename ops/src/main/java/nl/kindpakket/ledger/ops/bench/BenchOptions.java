package nl.kindpakket.ledger.ops.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import nl.kindpakket.ledger.ops.Counts;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The sizes and the scratch database of {@code ops bench} and {@code ops bench-annual-reset}. The defaults are the
 * full run the targets are stated for; {@code --quick} scales everything down for a smoke run; every size can be set
 * on its own.
 */
final class BenchOptions {

    @Option(names = "--quick", description = "Scale every measure down for a smoke run.")
    boolean quick;
    @Option(names = "--size", paramLabel = "N", converter = Counts.class,
            description = "Entitlements expired and renewed by the annual reset (default 100,000; 5,000 with --quick).")
    Integer size;
    @Option(names = "--events", paramLabel = "N", converter = Counts.class,
            description = "Events in the store when the read models are replayed (default 2,000,000; 100,000 with --quick).")
    Integer events;
    @Option(names = "--children", paramLabel = "N", converter = Counts.class,
            description = "Entitlements the live redemptions spread over (default 20,000, at most --size); with two instances "
                    + "each entitlement's redemptions go to both in turn.")
    Integer children;
    @Option(names = "--rate", paramLabel = "N", converter = Counts.class, defaultValue = "300",
            description = "Redemptions per second of the open-loop run (default: ${DEFAULT-VALUE}).")
    int rate;
    @Option(names = "--live-seconds", paramLabel = "S", converter = Counts.class,
            description = "Duration of the open-loop run (default 60; 10 with --quick).")
    Integer liveSeconds;
    @Option(names = "--workers", paramLabel = "N,N,...",
            description = "Closed-loop concurrency levels (default 8,16,32,64; 8,32 with --quick); "
                    + "the two-instance closed loop runs at the level where one instance did best.")
    String workers;
    @Option(names = "--ramp-seconds", paramLabel = "S", converter = Counts.class,
            description = "Duration of each closed-loop level and of the two-instance closed loop (default 10; 4 with --quick).")
    Integer rampSeconds;
    @Option(names = "--report-requests", paramLabel = "N", converter = Counts.class,
            description = "Requests per report endpoint (default 2,000; 300 with --quick).")
    Integer reportRequests;
    @Option(names = "--profile", paramLabel = "DIR", description = "Write a flight recording of each measure here.")
    Path profile;
    @Option(names = "--set", paramLabel = "NAME=VALUE;...", defaultValue = "",
            description = "Settings the ledger (both instances) is booted with, separated by semicolons, to measure a configuration change.")
    String settings;
    @Option(names = "--server", paramLabel = "URL", defaultValue = "jdbc:postgresql://127.0.0.1:5432",
            description = "The PostgreSQL server of the scratch database (default: ${DEFAULT-VALUE}).")
    String server;
    @Option(names = "--database", paramLabel = "NAME", defaultValue = "ledger_bench",
            description = "The scratch database, dropped and created (default: ${DEFAULT-VALUE}).")
    String database;
    @Option(names = "--user", paramLabel = "USER", defaultValue = "postgres", description = "The database user (default: ${DEFAULT-VALUE}).")
    String user;

    BenchPlan plan(picocli.CommandLine commandLine) {
        int entitlements = or(size, quick ? 5_000 : 100_000);
        return new BenchPlan(new BenchDatabase(server, database, user),
                entitlements,
                or(events, quick ? 100_000 : 2_000_000),
                Math.min(entitlements, or(children, 20_000)),
                rate,
                or(liveSeconds, quick ? 10 : 60),
                integers(commandLine, workers == null ? (quick ? "8,32" : "8,16,32,64") : workers),
                or(rampSeconds, quick ? 4 : 10),
                or(reportRequests, quick ? 300 : 2_000),
                profile,
                settings(commandLine, settings));
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    /** {@code --set a.b=1;c.d=2}: settings are separated by semicolons, since a value may hold a comma. */
    private static List<String> settings(picocli.CommandLine commandLine, String list) {
        List<String> settings = Arrays.stream(list.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        settings.stream().filter(s -> !s.contains("=")).findFirst().ifPresent(s -> {
            throw new ParameterException(commandLine, "--set expects name=value, got " + s);
        });
        return settings;
    }

    private static List<Integer> integers(picocli.CommandLine commandLine, String list) {
        try {
            return Arrays.stream(list.split(",")).map(String::strip).map(Integer::parseInt).toList();
        } catch (NumberFormatException e) {
            throw new ParameterException(commandLine, "--workers takes whole numbers separated by commas, not " + list);
        }
    }
}
