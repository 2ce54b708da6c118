package nl.kindpakket.ledger.ops.verify;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.kindpakket.ledger.api.audit.ChainBreak;
import nl.kindpakket.ledger.api.audit.ChainReport;
import nl.kindpakket.ledger.api.audit.ChainVerifier;
import nl.kindpakket.ledger.api.audit.EventChain;
import nl.kindpakket.ledger.core.api.Municipality;
import nl.kindpakket.ledger.ops.bench.Options;

/**
 * {@code ops verify --jdbc-url URL [--user U] [--municipality m]}: recomputes the event chain straight
 * from the database, without starting the ledger. The password, if any, comes from the environment
 * ({@code LEDGER_DB_PASSWORD}) so that it never shows in a process list.
 */
public final class VerifyCommand {

    public static final int INTACT = 0;
    public static final int BROKEN = 1;
    public static final int NOT_VERIFIED = 2;

    private static final Set<String> OPTIONS = Set.of("jdbc-url", "user", "municipality");

    private VerifyCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.getenv(), System.out, System.err);
    }

    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Options options;
        Municipality municipality;
        try {
            options = Options.parse(args);
            if (!OPTIONS.containsAll(options.values().keySet()) || options.get("jdbc-url", null) == null) {
                throw new IllegalArgumentException("unknown or missing options: " + options.values().keySet());
            }
            String slug = options.get("municipality", null);
            municipality = slug == null ? null : new Municipality(slug);
        } catch (RuntimeException e) {
            err.println("verify: " + e.getMessage());
            err.println("usage: verify --jdbc-url URL [--user U] [--municipality m]   (password from LEDGER_DB_PASSWORD)");
            return NOT_VERIFIED;
        }
        try (Connection connection = DriverManager.getConnection(options.get("jdbc-url", null),
                options.get("user", "postgres"), environment.getOrDefault("LEDGER_DB_PASSWORD", ""))) {
            ChainReport report = new ChainVerifier(Clock.systemUTC()).verify(connection, municipality);
            print(report, out);
            return report.intact() ? INTACT : BROKEN;
        } catch (SQLException e) {
            err.println("verify: could not read the event store: " + e.getMessage());
            return NOT_VERIFIED;
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
