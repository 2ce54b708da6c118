package nl.kindpakket.ledger.ops.export;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import nl.kindpakket.ledger.api.stream.EventFilter;
import nl.kindpakket.ledger.ops.Counts;
import nl.kindpakket.ledger.ops.DatabaseOptions;
import nl.kindpakket.ledger.ops.bench.BenchDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ops bench-export}: how fast the events leave the ledger, next to a raw sequential read of the
 * event table in the same run. Without {@code --jdbc-url} it fills a scratch database with
 * {@code --events} events shaped like the ledger's; with {@code --stream-url} it also pages through a
 * running ledger's {@code GET /api/v1/events}. Prints a Markdown table.
 */
@Command(name = "bench-export", mixinStandardHelpOptions = true,
        description = "Export and stream rates beside a raw read of the event table, as a Markdown table.")
public final class ExportBenchmark implements Callable<Integer> {

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "An existing store to read; without it a scratch database is filled.")
    String jdbcUrl;
    @Option(names = "--user", paramLabel = "USER", defaultValue = "postgres", description = "The database user (default: ${DEFAULT-VALUE}).")
    String user;
    @Option(names = "--password-env", paramLabel = "VAR", defaultValue = DatabaseOptions.PASSWORD_VARIABLE,
            description = "The environment variable holding the database password (default: ${DEFAULT-VALUE}).")
    String passwordVariable;
    @Option(names = "--server", paramLabel = "URL", defaultValue = "jdbc:postgresql://127.0.0.1:5432",
            description = "The server of the scratch database (default: ${DEFAULT-VALUE}).")
    String server;
    @Option(names = "--database", paramLabel = "NAME", defaultValue = "ledger_bench_export",
            description = "The scratch database, dropped and created (default: ${DEFAULT-VALUE}).")
    String database;
    @Option(names = "--events", paramLabel = "N", defaultValue = "200000", converter = Counts.class,
            description = "Events in the scratch database (default: ${DEFAULT-VALUE}).")
    int events;
    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Rounds; the best of each reading counts (default: ${DEFAULT-VALUE}).")
    int runs;
    @Option(names = "--stream-url", paramLabel = "URL", description = "A running ledger whose event stream is also paged through.")
    String streamUrl;
    @Option(names = "--stream-user", paramLabel = "USER", defaultValue = "integrator",
            description = "Its integrator user; the password from LEDGER_PASSWORD (default: ${DEFAULT-VALUE}).")
    String streamUser;
    @Option(names = "--municipality", paramLabel = "SLUG", description = "The municipality whose stream is read.")
    String municipality;

    @Override
    public Integer call() throws Exception {
        String url = jdbcUrl;
        if (url == null) {
            BenchDatabase scratch = new BenchDatabase(server, database, user);
            url = scratch.jdbcUrl();
            SyntheticEvents.fill(scratch, events);
        }
        Map<String, String> environment = System.getenv();
        Path file = Files.createTempFile("ledger-export", ".ndjson");
        try (Connection connection = DriverManager.getConnection(url, user, environment.getOrDefault(passwordVariable, ""))) {
            List<Run> readings = new ArrayList<>(List.of(
                    () -> RawRead.run(connection),
                    () -> export(connection, OutputStream.nullOutputStream(), "export, lines discarded"),
                    () -> export(connection, Files.newOutputStream(file), "ops export to a file")));
            if (streamUrl != null) {
                readings.add(new StreamRead(streamUrl, streamUser, environment.getOrDefault("LEDGER_PASSWORD", ""),
                        municipality)::run);
            }
            print(url, bestOfRounds(runs, readings));
        } finally {
            Files.deleteIfExists(file);
        }
        return 0;
    }

    record Measure(String name, long events, double seconds) {

        double rate() {
            return events / Math.max(seconds, 1e-9);
        }
    }

    interface Run {
        Measure run() throws Exception;
    }

    private static Measure export(Connection connection, OutputStream target, String name) throws Exception {
        try (target) {
            Export.Result result = Export.run(connection, EventFilter.ALL, -1, target);
            return new Measure(name, result.events(), result.seconds());
        }
    }

    /** Each reading once per round, so that a change in the machine's load affects them all alike; the best round of each counts. */
    private static List<Measure> bestOfRounds(int rounds, List<Run> readings) throws Exception {
        List<Measure> best = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < readings.size(); i++) {
                Measure measure = readings.get(i).run();
                System.err.printf("  %s: %,d events in %.2f s%n", measure.name(), measure.events(), measure.seconds());
                if (best.size() <= i) {
                    best.add(measure);
                } else if (measure.rate() > best.get(i).rate()) {
                    best.set(i, measure);
                }
            }
        }
        return best;
    }

    private static void print(String url, List<Measure> measures) {
        double raw = measures.get(0).rate();
        System.out.printf("%nEvent export on %s (best of each)%n%n", url);
        System.out.println("| reading | events | seconds | events/s | vs raw read |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (Measure m : measures) {
            System.out.printf("| %s | %,d | %.2f | %,.0f | %.2f |%n", m.name(), m.events(), m.seconds(), m.rate(), m.rate() / raw);
        }
    }
}
