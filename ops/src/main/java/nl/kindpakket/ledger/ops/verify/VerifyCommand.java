package nl.kindpakket.ledger.ops.verify;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import nl.kindpakket.ledger.api.audit.ChainBreak;
import nl.kindpakket.ledger.api.audit.ChainReport;
import nl.kindpakket.ledger.api.audit.ChainVerifier;
import nl.kindpakket.ledger.api.audit.EventChain;
import nl.kindpakket.ledger.core.api.Municipality;
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
 * {@code ops verify --jdbc-url URL [--user U] [--municipality m]}: recomputes the event chain straight from the
 * database, without starting the ledger.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Recompute the event chain straight from the database and name the first break.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the chain is intact", "1:the chain is broken", "2:not verified: usage, or the store could not be read"})
public final class VerifyCommand implements Callable<Integer> {

    public static final int INTACT = 0;
    public static final int BROKEN = 1;
    public static final int NOT_VERIFIED = 2;

    @Mixin
    DatabaseOptions database;
    @Option(names = "--municipality", paramLabel = "SLUG", description = "Only this municipality's aggregates.")
    String municipality;
    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    public VerifyCommand() {
        this(System.getenv(), System.out, System.err);
    }

    VerifyCommand(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        return OpsCommands.execute(new VerifyCommand(environment, out, err), args, out, err);
    }

    @Override
    public Integer call() {
        Municipality only = municipality();
        try (Connection connection = database.connect(environment)) {
            ChainReport report = new ChainVerifier(Clock.systemUTC()).verify(connection, only);
            print(report, out);
            return report.intact() ? INTACT : BROKEN;
        } catch (SQLException e) {
            err.println("verify: could not read the event store: " + e.getMessage());
            return NOT_VERIFIED;
        }
    }

    private Municipality municipality() {
        try {
            return municipality == null ? null : new Municipality(municipality);
        } catch (LedgerRefusal invalid) {
            throw new ParameterException(spec.commandLine(), "verify: --municipality " + invalid.getMessage());
        }
    }

    private static void print(ChainReport report, PrintStream out) {
        out.printf(Locale.ROOT, "%s: %,d events in %,d aggregates of %s checked in %,d ms (%,.0f events/s)%n",
                report.intact() ? "chain intact" : "chain BROKEN", report.eventsChecked(), report.aggregates(),
                report.municipality() == null ? "the whole store" : report.municipality(), report.durationMs(),
                report.eventsPerSecond());
        ChainBreak first = report.firstBreak();
        if (first == null) {
            return;
        }
        out.printf(Locale.ROOT, "%,d break(s); the first: %s%n", report.breaks(), first.describe());
        out.printf("  global_index  %d%n  event         %s%n  aggregate     %s%n  sequence      %d%n  broken        %s%n"
                        + "  expected hash %s%n  stored hash   %s%n",
                first.globalIndex(), first.eventIdentifier(), first.aggregateIdentifier(), first.sequenceNumber(),
                first.kind() == ChainBreak.Kind.PAYLOAD ? "payload" : "link", orNone(EventChain.hex(first.expectedHash())),
                orNone(EventChain.hex(first.storedHash())));
    }

    private static String orNone(String hash) {
        return hash == null ? "-" : hash;
    }
}
