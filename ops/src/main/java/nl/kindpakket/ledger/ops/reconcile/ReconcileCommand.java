package nl.kindpakket.ledger.ops.reconcile;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import nl.kindpakket.ledger.ops.OpsCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ops reconcile --url URL --user U [--password-env VAR] [--interval S]}: asks a running ledger to compare
 * every row of its read models with a fresh fold of the events they reflect
 * ({@code POST /api/v1/operator/reconciliations}), follows it to the end and prints every row that differs with
 * its two values. The nightly check that the figures the council sees are the events' figures: its exit code is
 * 0 when every row is equal, 1 when rows differ, 2 when it could not tell (usage, connection, credentials, or the
 * reconciliation failed). The password comes from the environment, never the command line.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Compare the running service's read models, row by row, with a fresh fold of the events.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every row equal", "1:rows differ (each is printed with both values)",
                "2:could not tell: usage, no password, unreachable service, wrong credentials or role, or a failed "
                        + "reconciliation"})
public final class ReconcileCommand implements Callable<Integer> {

    public static final int EQUAL = 0;
    public static final int DIFFERENT = 1;
    public static final int NOT_RECONCILED = 2;

    static final String PASSWORD_VARIABLE = "LEDGER_PASSWORD";

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The service's address, e.g. http://localhost:8080.")
    String url;
    @Option(names = "--user", required = true, paramLabel = "USER", description = "An OPERATOR user.")
    String user;
    @Option(names = "--password-env", paramLabel = "VAR", defaultValue = PASSWORD_VARIABLE,
            description = "The environment variable holding the user's password (default: ${DEFAULT-VALUE}).")
    String passwordVariable;
    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "2",
            description = "Seconds between looks at its progress, 0.05 to 3600 (default: ${DEFAULT-VALUE}).")
    double interval;
    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    public ReconcileCommand() {
        this(System.getenv(), System.out, System.err);
    }

    ReconcileCommand(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    /** Progress and the outcome go to {@code out}; why it could not reconcile goes to {@code err}. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        return OpsCommands.execute(new ReconcileCommand(environment, out, err), args, out, err);
    }

    @Override
    public Integer call() {
        String password = environment.get(passwordVariable);
        if (password == null || password.isEmpty()) {
            throw usage("no password: set " + passwordVariable + " in the environment (or name another variable with --password-env)");
        }
        if (!(interval >= 0.05 && interval <= 3600)) {
            throw usage("--interval takes seconds between 0.05 and 3600, not " + interval);
        }
        try {
            return new ReconciliationFollower(url(), user, password, passwordVariable,
                    Duration.ofMillis(Math.round(interval * 1000)), out, err).reconcile();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("reconcile: interrupted; a reconciliation that started goes on in the service");
            return NOT_RECONCILED;
        }
    }

    private URI url() {
        try {
            URI parsed = URI.create(url);
            if (("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme())) && parsed.getHost() != null) {
                return parsed;
            }
        } catch (IllegalArgumentException unparsable) {
            // answered below
        }
        throw usage("--url must be http(s)://host[:port], not " + url);
    }

    private ParameterException usage(String problem) {
        return new ParameterException(spec.commandLine(), "reconcile: " + problem);
    }
}
