package nl.kindpakket.ledger.ops.export;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import nl.kindpakket.ledger.api.stream.EventFilter;
import nl.kindpakket.ledger.ops.bench.Options;

/**
 * {@code ops export --jdbc-url URL [--user U] [--password P] [--municipality m] [--types A,B] [--after N] [--out file]}:
 * the event stream as NDJSON in a file (standard output without {@code --out}), straight from the
 * database with plain JDBC. Prints the count, the rate and where to continue to standard error.
 */
public final class ExportCommand {

    private ExportCommand() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String url = options.get("jdbc-url", null);
        if (url == null) {
            throw new IllegalArgumentException("export needs --jdbc-url, e.g. jdbc:postgresql://127.0.0.1:5432/ledger");
        }
        EventFilter filter = EventFilter.of(options.get("municipality", null), options.get("types", null));
        long after = Long.parseLong(options.get("after", "-1"));
        String out = options.get("out", "-");
        OutputStream target = "-".equals(out) ? System.out : new FileOutputStream(Path.of(out).toFile());
        try (Connection connection = DriverManager.getConnection(url, options.get("user", "postgres"), options.get("password", ""))) {
            Export.Result result = Export.run(connection, filter, after, target);
            System.err.printf("export: %,d events (after position %d up to %d) in %.2f s, %,.0f events/s%s%n", result.events(),
                    result.after(), result.upTo(), result.seconds(), result.eventsPerSecond(), "-".equals(out) ? "" : " to " + out);
            System.err.printf("export: continue later with --after %d%n", result.upTo());
        } finally {
            if (target != System.out) {
                target.close();
            }
        }
    }
}
