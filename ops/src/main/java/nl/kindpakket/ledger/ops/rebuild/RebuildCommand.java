package nl.kindpakket.ledger.ops.rebuild;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import nl.kindpakket.ledger.ops.OpsCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ops rebuild --url URL --user U [--password-env VAR] [--projection NAME|all] [--interval S] [--no-wait]}:
 * asks a running ledger to rebuild read models ({@code POST /api/v1/operator/projections/{name}/rebuild}) and follows
 * the rebuild's status resource until it is over, printing its progress, so that an operator can run it from a
 * script or a terminal and act on the exit code. The password comes from the environment ({@code LEDGER_PASSWORD}
 * unless {@code --password-env} names another variable) so that it never shows in a process list.
 *
 * <p>Leaving the command does not stop the rebuild: it goes on in the service, whose status resource stays readable.
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = "Rebuild read models in the running service and follow the rebuild to its end.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:completed (or started, with --no-wait)", "1:failed or cancelled, or the service forgot it",
                "2:usage: options missing or wrong, or no password in the environment", "3:refused by the service",
                "4:wrong credentials, or not an OPERATOR", "5:service unreachable, or not the ledger's operator API"})
public final class RebuildCommand implements Callable<Integer> {

    /** The rebuild completed: the reports show the rebuilt figures (or, with --no-wait, it was started). */
    public static final int COMPLETED = 0;
    /** The rebuild failed, was cancelled, or the service forgot it (a restart); the old figures stay. */
    public static final int FAILED = 1;
    /** Options missing or wrong, or no password in the environment; nothing was asked of the service. */
    public static final int USAGE = 2;
    /** The service refused the rebuild: no such read model (404), one of them is being rebuilt already (409), ... */
    public static final int REFUSED = 3;
    /** Wrong user or password (401), or the user is not an OPERATOR (403). */
    public static final int NOT_ALLOWED = 4;
    /** The service could not be reached, or did not answer as the operator API does (5xx, not JSON). */
    public static final int NO_SERVICE = 5;

    static final String PASSWORD_VARIABLE = "LEDGER_PASSWORD";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The service's address, e.g. http://localhost:8080.")
    String url;
    @Option(names = "--user", required = true, paramLabel = "USER", description = "An OPERATOR user.")
    String user;
    @Option(names = "--password-env", paramLabel = "VAR", defaultValue = PASSWORD_VARIABLE,
            description = "The environment variable holding the user's password (default: ${DEFAULT-VALUE}).")
    String passwordVariable;
    @Option(names = "--projection", paramLabel = "NAME", defaultValue = "all",
            description = "A read model's name, or all (default: ${DEFAULT-VALUE}).")
    String projection;
    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "2",
            description = "Seconds between looks at the rebuild's progress, 0.05 to 3600 (default: ${DEFAULT-VALUE}).")
    double interval;
    @Option(names = "--no-wait", description = "Print where the rebuild's status is and leave it running.")
    boolean noWait;
    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    public RebuildCommand() {
        this(System.getenv(), System.out, System.err);
    }

    RebuildCommand(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    /** Progress and the final line go to {@code out}; why the command could not do its work goes to {@code err}. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        return OpsCommands.execute(new RebuildCommand(environment, out, err), args, out, err);
    }

    @Override
    public Integer call() {
        Request request = request();
        try {
            return new RebuildFollower(request, out, err).rebuild();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("rebuild: interrupted; a rebuild that started goes on in the service");
            return FAILED;
        }
    }

    /** What was asked, checked before anything is sent; a usage error (exit 2) otherwise. */
    private Request request() {
        String password = environment.get(passwordVariable);
        if (password == null || password.isEmpty()) {
            throw usage("no password: set " + passwordVariable + " in the environment (or name another variable with --password-env)");
        }
        if (!NAME.matcher(projection).matches()) {
            throw usage("--projection takes a read model's name or all, not " + projection);
        }
        if (!(interval >= 0.05 && interval <= 3600)) {
            throw usage("--interval takes seconds between 0.05 and 3600, not " + interval);
        }
        return new Request(url(), user, password, passwordVariable, projection, Duration.ofMillis(Math.round(interval * 1000)), noWait);
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
        return new ParameterException(spec.commandLine(), "rebuild: " + problem);
    }

    /** What was asked. */
    record Request(URI url, String user, String password, String passwordVariable, String projection, Duration interval,
                   boolean noWait) {

        /** Never the password: a request may end up in a log. */
        @Override
        public String toString() {
            return "Request[url=" + url + ", user=" + user + ", projection=" + projection + "]";
        }
    }
}
