package nl.kindpakket.ledger.ops.reconcile;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import nl.kindpakket.ledger.api.reconcile.ReconciliationStatus;
import nl.kindpakket.ledger.ops.operator.OperatorApi;
import nl.kindpakket.ledger.projections.store.TableComparison;

/** Starts a reconciliation in the service, follows it, and prints what it found; the exit code says which. */
final class ReconciliationFollower {

    private static final int UNANSWERED_POLLS = 3;

    private final OperatorApi api;
    private final URI url;
    private final String user;
    private final String passwordVariable;
    private final Duration interval;
    private final PrintStream out;
    private final PrintStream err;

    ReconciliationFollower(URI url, String user, String password, String passwordVariable, Duration interval,
                           PrintStream out, PrintStream err) {
        this.api = new OperatorApi(url, user, password);
        this.url = url;
        this.user = user;
        this.passwordVariable = passwordVariable;
        this.interval = interval;
        this.out = out;
        this.err = err;
    }

    int reconcile() throws InterruptedException {
        OperatorApi.Answer answer;
        try {
            answer = api.startReconciliation();
        } catch (IOException e) {
            err.println("reconcile: cannot reach the service at " + url + ": " + e);
            return ReconcileCommand.NOT_RECONCILED;
        }
        if (!answer.isSuccess()) {
            return refused(answer);
        }
        Optional<ReconciliationStatus> started = statusIn(answer);
        if (started.isEmpty()) {
            return unexpected(answer);
        }
        ReconciliationStatus status = started.get();
        URI statusUrl = api.resolve(answer.location().orElse(OperatorApi.RECONCILIATIONS + "/" + status.id()));
        out.println("reconcile: " + status.id() + " started; status at " + statusUrl);
        int unanswered = 0;
        while (status.finishedAt() == null) {
            Thread.sleep(interval.toMillis());
            try {
                answer = api.get(statusUrl);
            } catch (IOException e) {
                if (++unanswered < UNANSWERED_POLLS) {
                    continue;
                }
                err.println("reconcile: lost the service: " + e + "; see " + statusUrl);
                return ReconcileCommand.NOT_RECONCILED;
            }
            unanswered = 0;
            if (!answer.isSuccess()) {
                return refused(answer);
            }
            Optional<ReconciliationStatus> polled = statusIn(answer);
            if (polled.isEmpty()) {
                return unexpected(answer);
            }
            status = polled.get();
            out.println(String.format(Locale.ROOT, "reconcile: %-9s %,d / %,d events  %,.0f events/s", status.state(),
                    status.eventsDone(), status.eventsTotal(), status.eventsPerSecond()));
        }
        return outcome(status);
    }

    private int outcome(ReconciliationStatus status) {
        switch (status.state()) {
            case "EQUAL" -> {
                out.println(String.format(Locale.ROOT, "reconcile: equal: every row of the read models equals a fresh "
                        + "fold of the %,d events they reflect, up to position %,d", status.eventsDone(), status.position()));
                return ReconcileCommand.EQUAL;
            }
            case "DIFFERENT" -> {
                out.println(String.format(Locale.ROOT, "reconcile: %,d rows of the read models differ from a fresh fold "
                        + "of the events they reflect, up to position %,d%s:", status.differingRows(), status.position(),
                        status.differences().size() < status.differingRows() ? "; the first " + status.differences().size() : ""));
                status.differences().forEach(difference -> out.println("  " + describe(difference)));
                out.println("reconcile: a rebuild (ops rebuild) replaces the read models with the events' figures");
                return ReconcileCommand.DIFFERENT;
            }
            default -> {
                err.println("reconcile: the reconciliation failed: " + status.error());
                return ReconcileCommand.NOT_RECONCILED;
            }
        }
    }

    /** {@code table key: live {column=value} replayed {column=value}}, naming only the columns that differ. */
    static String describe(TableComparison.Difference difference) {
        StringBuilder line = new StringBuilder(difference.table()).append(' ').append(difference.key()).append(": ");
        if (difference.live() == null) {
            return line.append("missing from the live table; replayed ").append(difference.replay()).toString();
        }
        if (difference.replay() == null) {
            return line.append("in the live table only: ").append(difference.live()).toString();
        }
        Map<String, Object> live = new LinkedHashMap<>();
        Map<String, Object> replayed = new LinkedHashMap<>();
        difference.live().forEach((column, value) -> {
            if (!Objects.equals(value, difference.replay().get(column))) {
                live.put(column, value);
                replayed.put(column, difference.replay().get(column));
            }
        });
        return line.append("live ").append(live).append(", replayed ").append(replayed).toString();
    }

    private int refused(OperatorApi.Answer answer) {
        if (answer.status() == 401) {
            err.println("reconcile: refused, 401: check --user " + user + " and the password in " + passwordVariable);
        } else if (answer.status() == 403) {
            err.println("reconcile: refused, 403: reconciliations need a user with the role OPERATOR");
        } else {
            return unexpected(answer);
        }
        return ReconcileCommand.NOT_RECONCILED;
    }

    private int unexpected(OperatorApi.Answer answer) {
        String body = answer.body() == null ? "" : answer.body().strip();
        err.printf("reconcile: unexpected answer from the service, %d: %s%n", answer.status(),
                body.length() > 300 ? body.substring(0, 300) + "..." : body);
        return ReconcileCommand.NOT_RECONCILED;
    }

    private static Optional<ReconciliationStatus> statusIn(OperatorApi.Answer answer) {
        try {
            ReconciliationStatus status = answer.as(ReconciliationStatus.class);
            return status == null || status.id() == null || status.state() == null ? Optional.empty() : Optional.of(status);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
