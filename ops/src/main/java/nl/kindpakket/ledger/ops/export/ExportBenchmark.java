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
        List<Measure> measures = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, user, options.get("password", ""))) {
            measures.add(best(runs, () -> RawRead.run(connection)));
            measures.add(best(runs, () -> export(connection, OutputStream.nullOutputStream(), "export, lines discarded")));
            Path file = Files.createTempFile("ledger-export", ".ndjson");
            try {
                measures.add(best(runs, () -> export(connection, Files.newOutputStream(file), "ops export to a file")));
            } finally {
                Files.deleteIfExists(file);
            }
        }
        String streamUrl = options.get("stream-url", null);
        if (streamUrl != null) {
            StreamRead stream = new StreamRead(streamUrl, options.get("stream-user", "integrator"), options.get("stream-password", ""),
                    options.get("municipality", null));
            measures.add(best(runs, stream::run));
        }
        print(url, measures);
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

    /** The best of a few runs: the first one also warms the JIT and the database's cache. */
    private static Measure best(int runs, Run run) throws Exception {
        Measure best = null;
        for (int i = 0; i < runs; i++) {
            Measure measure = run.run();
            System.err.printf("  %s: %,d events in %.2f s%n", measure.name(), measure.events(), measure.seconds());
            if (best == null || measure.rate() > best.rate()) {
                best = measure;
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
