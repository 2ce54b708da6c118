package nl.kindpakket.ledger.ops.rebuild;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import nl.kindpakket.ledger.api.rebuild.RebuildStatus;
import nl.kindpakket.ledger.ops.bench.Options;

/**
 * {@code ops rebuild --url URL --user U [--password-env VAR] [--projection NAME|all] [--interval S] [--no-wait]}:
 * asks a running ledger to rebuild read models ({@code POST /api/v1/operator/projections/{name}/rebuild}) and follows
 * the rebuild's status resource until it is over, printing its progress, so that an operator can run it from a
 * script or a terminal and act on the exit code. The password comes from the environment ({@code LEDGER_PASSWORD}
 * unless {@code --password-env} names another variable) so that it never shows in a process list.
 *
 * <p>Leaving the command does not stop the rebuild: it goes on in the service, whose status resource stays readable.
 */
public final class RebuildCommand {

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
    static final String USAGE_LINE = "usage: rebuild --url URL --user U [--password-env VAR] [--projection NAME|all] "
            + "[--interval SECONDS] [--no-wait]   (password from " + PASSWORD_VARIABLE + " unless --password-env names another)";
    static final String EXIT_CODES = "exit codes: 0 completed (or started, with --no-wait), 1 failed or cancelled, "
            + "2 usage, 3 refused, 4 wrong credentials or not an operator, 5 service unreachable";

    private static final Set<String> OPTIONS = Set.of("url", "user", "password-env", "projection", "interval", "no-wait");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    /** Polls that may go unanswered in a row (a restart of a proxy, a dropped connection) before giving up. */
    private static final int UNANSWERED_POLLS = 3;

    private final Request request;
    private final OperatorApi api;
    private final PrintStream out;
    private final PrintStream err;

    private RebuildCommand(Request request, PrintStream out, PrintStream err) {
        this.request = request;
        this.api = new OperatorApi(request.url(), request.user(), request.password());
        this.out = out;
        this.err = err;
    }

    public static int run(String[] args) {
        return run(args, System.getenv(), System.out, System.err);
    }

    /** Progress and the final line go to {@code out}; why the command could not do its work goes to {@code err}. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Request request;
        try {
            request = Request.of(Options.parse(args), environment);
        } catch (IllegalArgumentException e) {
            err.println("rebuild: " + e.getMessage());
            err.println(USAGE_LINE);
            err.println(EXIT_CODES);
            return USAGE;
        }
        try {
            return new RebuildCommand(request, out, err).rebuild();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("rebuild: interrupted; a rebuild that started goes on in the service");
            return FAILED;
        }
    }

    private int rebuild() throws InterruptedException {
        OperatorApi.Answer answer;
        try {
            answer = api.startRebuild(request.projection());
        } catch (IOException e) {
            err.println("rebuild: cannot reach the service at " + request.url() + ": " + describe(e));
            return NO_SERVICE;
        }
        if (!answer.isSuccess()) {
            return refused(answer);
        }
        Optional<RebuildStatus> started = statusIn(answer);
        if (started.isEmpty()) {
            return notTheOperatorApi(answer);
        }
        RebuildStatus status = started.get();
        URI statusUrl = api.resolve(answer.location().orElse(OperatorApi.PROJECTIONS + "/rebuilds/" + status.id()));
        out.println(RebuildLines.started(status, statusUrl.toString()));
        if (request.noWait()) {
            return COMPLETED;
        }
        out.println(RebuildLines.progress(status));
        return follow(status, statusUrl, request.interval());
    }

    /** Looks at the status every interval, printing each look, until the rebuild is over. */
    private int follow(RebuildStatus started, URI statusUrl, Duration interval) throws InterruptedException {
        RebuildStatus status = started;
        int unanswered = 0;
        while (!RebuildLines.isOver(status)) {
            Thread.sleep(interval.toMillis());
            OperatorApi.Answer answer;
            try {
                answer = api.get(statusUrl);
            } catch (IOException e) {
                if (++unanswered < UNANSWERED_POLLS) {
                    continue;
                }
                err.println("rebuild: lost the service: " + describe(e) + "; the rebuild may go on, see " + statusUrl);
                return NO_SERVICE;
            }
            unanswered = 0;
            if (answer.status() == 404) {
                err.println("rebuild: the service no longer knows rebuild " + started.id() + " (restarted?); "
                        + "the read models keep the figures they had");
                return FAILED;
            }
            if (!answer.isSuccess()) {
                return refused(answer);
            }
            Optional<RebuildStatus> polled = statusIn(answer);
            if (polled.isEmpty()) {
                return notTheOperatorApi(answer);
            }
            status = polled.get();
            out.println(RebuildLines.progress(status));
        }
        out.println(RebuildLines.finished(status));
        return RebuildLines.DONE.equals(status.state()) ? COMPLETED : FAILED;
    }

    /** Prints the problem the service answered, with what to do about it, and picks the exit code. */
    private int refused(OperatorApi.Answer answer) throws InterruptedException {
        JsonNode problem = answer.json();
        if (answer.status() >= 500 || !problem.has("title")) {
            return notTheOperatorApi(answer);
        }
        err.printf("rebuild: refused, %d %s: %s%n", answer.status(), problem.path("title").asText(),
                problem.path("detail").asText("-"));
        String rule = problem.path("rule").asText("");
        switch (answer.status()) {
            case 401 -> err.println("rebuild: check --user " + request.user() + " and the password in "
                    + request.passwordVariable());
            case 403 -> err.println("rebuild: rebuilds need a user with the role OPERATOR");
            case 404 -> {
                if ("unknown-read-model".equals(rule)) {
                    knownReadModels().ifPresent(names -> err.println("rebuild: known read models: " + names));
                }
            }
            case 409 -> {
                String running = problem.path("rebuild").asText(answer.location().orElse(""));
                if (!running.isEmpty()) {
                    err.println("rebuild: the rebuild in progress: " + api.resolve(running));
                }
            }
            default -> {
            }
        }
        return answer.status() == 401 || answer.status() == 403 ? NOT_ALLOWED : REFUSED;
    }

    /** {@code all} and each read model, as the service lists them; empty when it does not say. */
    private Optional<String> knownReadModels() throws InterruptedException {
        try {
            OperatorApi.Answer answer = api.get(api.resolve(OperatorApi.PROJECTIONS));
            List<String> names = new ArrayList<>(List.of("all"));
            answer.json().forEach(readModel -> names.add(readModel.path("name").asText()));
            return answer.isSuccess() && names.size() > 1 ? Optional.of(String.join(", ", names))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The answer as a rebuild's status; empty when it is none, such as a page from a proxy in between. */
    private static Optional<RebuildStatus> statusIn(OperatorApi.Answer answer) {
        try {
            RebuildStatus status = answer.as(RebuildStatus.class);
            return status == null || status.id() == null || status.state() == null ? Optional.empty() : Optional.of(status);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private int notTheOperatorApi(OperatorApi.Answer answer) {
        String body = answer.body() == null ? "" : answer.body().strip();
        err.printf("rebuild: unexpected answer from the service, %d: %s%n", answer.status(),
                body.length() > 300 ? body.substring(0, 300) + "..." : body);
        return NO_SERVICE;
    }

    /** The JDK's exceptions often carry no message: say what they mean to an operator. */
    private static String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + OperatorApi.CONNECT.toSeconds() + " s";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + OperatorApi.TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof ConnectException) {
            return "connection refused (is the service running, on that port?)";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** What was asked, checked before anything is sent. */
    record Request(URI url, String user, String password, String passwordVariable, String projection, Duration interval,
                   boolean noWait) {

        static Request of(Options options, Map<String, String> environment) {
            if (!OPTIONS.containsAll(options.values().keySet())) {
                List<String> unknown = new ArrayList<>(options.values().keySet());
                unknown.removeAll(OPTIONS);
                throw new IllegalArgumentException("unknown options: " + unknown);
            }
            URI url = url(required(options, "url", "the service's address, e.g. http://localhost:8080"));
            String user = required(options, "user", "an OPERATOR user");
            String variable = options.get("password-env", PASSWORD_VARIABLE);
            String password = environment.get(variable);
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("no password: set " + variable
                        + " in the environment (or name another variable with --password-env)");
            }
            String projection = options.get("projection", "all");
            // a bare --projection parses as the flag value "true"; no read model has that name
            if (!NAME.matcher(projection).matches() || "true".equals(projection)) {
                throw new IllegalArgumentException("--projection takes a read model's name or all, not " + projection);
            }
            return new Request(url, user, password, variable, projection, interval(options.get("interval", "2")),
                    options.flag("no-wait"));
        }

        private static String required(Options options, String name, String what) {
            String value = options.get(name, null);
            if (value == null || "true".equals(value)) {
                throw new IllegalArgumentException("rebuild needs --" + name + ": " + what);
            }
            return value;
        }

        private static URI url(String text) {
            try {
                URI url = URI.create(text);
                if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                    throw new IllegalArgumentException("--url must be http(s)://host[:port], not " + text);
                }
                return url;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--url must be http(s)://host[:port], not " + text);
            }
        }

        private static Duration interval(String seconds) {
            try {
                double value = Double.parseDouble(seconds);
                if (!(value >= 0.05 && value <= 3600)) {
                    throw new NumberFormatException();
                }
                return Duration.ofMillis(Math.round(value * 1000));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--interval takes seconds between 0.05 and 3600, not " + seconds);
            }
        }

        /** Never the password: a request may end up in a log. */
        @Override
        public String toString() {
            return "Request[url=" + url + ", user=" + user + ", projection=" + projection + "]";
        }
    }
}
