package nl.kindpakket.ledger.ops.rebuild;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import nl.kindpakket.ledger.api.rebuild.RebuildStatus;

/**
 * The lines {@code ops rebuild} prints about a rebuild: one per look at its status, and one when it is over that says
 * what the reports now show. Figures are grouped with commas whatever the machine's locale, as the other commands do.
 */
final class RebuildLines {

    static final String DONE = "DONE";
    static final String FAILED = "FAILED";
    static final String CANCELLED = "CANCELLED";
    private static final Set<String> OVER = Set.of(DONE, FAILED, CANCELLED);

    private RebuildLines() {
    }

    /** The service's own word: a finished rebuild can still show SWITCHING for a moment, so the state decides. */
    static boolean isOver(RebuildStatus status) {
        return OVER.contains(status.state());
    }

    static String started(RebuildStatus status, String statusUrl) {
        return String.format(Locale.ROOT, "rebuild: %s of %s started; status at %s", status.id(),
                String.join(", ", status.projections()), statusUrl);
    }

    /** {@code REPLAYING  1,200 / 5,432 events  22.1%  4,100 events/s  about 1 s left} */
    static String progress(RebuildStatus status) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "rebuild: %-9s  %,d / %,d events  %5.1f%%  %,.0f events/s",
                status.state(), status.eventsDone(), status.eventsTotal(), percent(status), status.eventsPerSecond()));
        if (!isOver(status)) {
            Double left = status.secondsLeft();
            line.append(left == null ? "  time left unknown"
                    : left < 1 ? "  under a second left" : "  about " + duration(left) + " left");
        }
        if (status.error() != null) {
            line.append(isOver(status) ? "" : "  (retrying)").append("  last error: ").append(status.error());
        }
        return line.toString();
    }

    static String finished(RebuildStatus status) {
        String readModels = String.join(", ", status.projections());
        String took = status.finishedAt() == null || status.requestedAt() == null ? "?"
                : duration(Duration.between(status.requestedAt(), status.finishedAt()).toMillis() / 1000.0);
        return switch (status.state()) {
            case DONE -> String.format(Locale.ROOT, "rebuild: completed: %s rebuilt from %,d events in %s; "
                    + "the reports show the rebuilt figures", readModels, status.eventsDone(), took);
            case CANCELLED -> String.format(Locale.ROOT, "rebuild: cancelled after %,d of %,d events; %s keep the "
                    + "figures they had", status.eventsDone(), status.eventsTotal(), readModels);
            default -> String.format(Locale.ROOT, "rebuild: failed after %,d of %,d events: %s; %s keep the figures "
                    + "they had", status.eventsDone(), status.eventsTotal(), status.error(), readModels);
        };
    }

    private static double percent(RebuildStatus status) {
        if (status.eventsTotal() == 0) {
            return DONE.equals(status.state()) ? 100 : 0;
        }
        return 100.0 * status.eventsDone() / status.eventsTotal();
    }

    /** {@code 0.4 s}, {@code 12 s}, {@code 3 min 05 s}, {@code 2 h 07 min}: as precise as an operator needs. */
    static String duration(double seconds) {
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        if (whole < 60) {
            return whole + " s";
        }
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole % 3600 / 60);
    }
}
