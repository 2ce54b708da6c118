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
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import nl.kindpakket.ledger.api.rebuild.RebuildStatus;
import nl.kindpakket.ledger.ops.operator.OperatorApi;

/**
 * Asks the service for a rebuild and follows its status resource until it is over, printing each look; the exit
 * code says how it ended ({@link RebuildCommand}'s codes).
 */
final class RebuildFollower {

    /** Polls that may go unanswered in a row (a restart of a proxy, a dropped connection) before giving up. */
    private static final int UNANSWERED_POLLS = 3;

    private final RebuildCommand.Request request;
    private final OperatorApi api;
    private final PrintStream out;
    private final PrintStream err;

    RebuildFollower(RebuildCommand.Request request, PrintStream out, PrintStream err) {
        this.request = request;
        this.api = new OperatorApi(request.url(), request.user(), request.password());
        this.out = out;
        this.err = err;
    }

    int rebuild() throws InterruptedException {
        OperatorApi.Answer answer;
        try {
            answer = api.startRebuild(request.projection());
        } catch (IOException e) {
            err.println("rebuild: cannot reach the service at " + request.url() + ": " + describe(e));
            return RebuildCommand.NO_SERVICE;
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
            return RebuildCommand.COMPLETED;
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
                return RebuildCommand.NO_SERVICE;
            }
            unanswered = 0;
            if (answer.status() == 404) {
                err.println("rebuild: the service no longer knows rebuild " + started.id() + " (restarted?); "
                        + "the read models keep the figures they had");
                return RebuildCommand.FAILED;
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
        return RebuildLines.DONE.equals(status.state()) ? RebuildCommand.COMPLETED : RebuildCommand.FAILED;
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
        return answer.status() == 401 || answer.status() == 403 ? RebuildCommand.NOT_ALLOWED : RebuildCommand.REFUSED;
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
        return RebuildCommand.NO_SERVICE;
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
}
