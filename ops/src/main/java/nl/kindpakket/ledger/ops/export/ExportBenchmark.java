package nl.kindpakket.ledger.ops.export;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import nl.kindpakket.ledger.api.stream.EventFilter;
import nl.kindpakket.ledger.ops.bench.BenchDatabase;
import nl.kindpakket.ledger.ops.bench.Options;

/**
 * {@code ops bench-export}: how fast the events leave the ledger, next to a raw sequential read of the
 * event table in the same run. Without {@code --jdbc-url} it fills a scratch database with
 * {@code --events} events shaped like the ledger's; with {@code --stream-url} it also pages through a
 * running ledger's {@code GET /api/v1/events}. Prints a Markdown table.
 */
public final class ExportBenchmark {

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String user = options.get("user", "postgres");
        String url = options.get("jdbc-url", null);
        if (url == null) {
            BenchDatabase scratch = new BenchDatabase(options.get("server", "jdbc:postgresql://127.0.0.1:5432"),
                    options.get("database", "ledger_bench_export"), user);
            url = scratch.jdbcUrl();
            SyntheticEvents.fill(scratch, options.integer("events", 200_000));
        }
        int runs = options.integer("runs", 3);
        String streamUrl = options.get("stream-url", null);
        Path file = Files.createTempFile("ledger-export", ".ndjson");
        try (Connection connection = DriverManager.getConnection(url, user, options.get("password", ""))) {
            List<Run> readings = new ArrayList<>(List.of(
                    () -> RawRead.run(connection),
                    () -> export(connection, OutputStream.nullOutputStream(), "export, lines discarded"),
                    () -> export(connection, Files.newOutputStream(file), "ops export to a file")));
            if (streamUrl != null) {
                readings.add(new StreamRead(streamUrl, options.get("stream-user", "integrator"), options.get("stream-password", ""),
                        options.get("municipality", null))::run);
            }
            print(url, bestOfRounds(runs, readings));
        } finally {
            Files.deleteIfExists(file);
        }
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
