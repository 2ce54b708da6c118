package nl.kindpakket.ledger.ops.export;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.Callable;

import nl.kindpakket.ledger.api.stream.EventFilter;
import nl.kindpakket.ledger.core.api.refusals.LedgerRefusal;
import nl.kindpakket.ledger.ops.DatabaseOptions;
import nl.kindpakket.ledger.ops.OpsCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ops export --jdbc-url URL [--user U] [--municipality m] [--types A,B] [--after N] [--out file]}: the event
 * stream as NDJSON in a file (standard output without {@code --out}), straight from the database with plain JDBC.
 * Prints the count, the rate and where to continue to standard error.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the event stream (or one municipality's part) as NDJSON, as GET /api/v1/events serves it.")
public final class ExportCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;
    @Option(names = "--municipality", paramLabel = "SLUG", description = "Only this municipality's events.")
    String municipality;
    @Option(names = "--types", paramLabel = "TYPE,...", description = "Only these event types, e.g. RedeemedAtProvider,RedemptionReversed.")
    String types;
    @Option(names = "--after", paramLabel = "POSITION", defaultValue = "-1",
            description = "Events after this global position; -1 (the default) for the start.")
    long after;
    @Option(names = "--out", paramLabel = "FILE", defaultValue = "-", description = "The file to write; - (the default) for standard output.")
    String out;
    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;
    private final PrintStream stdout;
    private final PrintStream stderr;

    public ExportCommand() {
        this(System.getenv(), System.out, System.err);
    }

    ExportCommand(Map<String, String> environment, PrintStream stdout, PrintStream stderr) {
        this.environment = environment;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        return OpsCommands.execute(new ExportCommand(environment, out, err), args, out, err);
    }

    @Override
    public Integer call() throws Exception {
        EventFilter filter;
        try {
            filter = EventFilter.of(municipality, types);
        } catch (LedgerRefusal invalid) {
            throw new ParameterException(spec.commandLine(), "export: " + invalid.getMessage());
        }
        OutputStream target = "-".equals(out) ? stdout : new FileOutputStream(Path.of(out).toFile());
        try (Connection connection = database.connect(environment)) {
            Export.Result result = Export.run(connection, filter, after, target);
            stderr.printf("export: %,d events (after position %d up to %d) in %.2f s, %,.0f events/s%s%n", result.events(),
                    result.after(), result.upTo(), result.seconds(), result.eventsPerSecond(), "-".equals(out) ? "" : " to " + out);
            stderr.printf("export: continue later with --after %d%n", result.upTo());
            return 0;
        } finally {
            if (target != stdout) {
                target.close();
            } else {
                stdout.flush();
            }
        }
    }
}
