package nl.kindpakket.ledger.projections.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * Which figures a report reads: the counters as they are now, or their log summed up to a moment of recording.
 * A counter table's log has the counter's columns (without the slot) and {@code recorded_at}, and lives in
 * {@code <table>_log}, so a query names its table and condition through this and is otherwise the same.
 */
public final class Recorded {

    public static final Recorded NOW = new Recorded(null);

    private final Instant asOf;

    private Recorded(Instant asOf) {
        this.asOf = asOf;
    }

    public static Recorded asOf(Instant asOf) {
        if (asOf == null) {
            throw new IllegalArgumentException("asOf must name a moment");
        }
        return new Recorded(asOf);
    }

    public boolean isNow() {
        return asOf == null;
    }

    /** The counter table, or its log. */
    public String table(String counterTable) {
        return isNow() ? counterTable : counterTable + "_log";
    }

    /** The condition on the log's recording time, to follow the query's other conditions. */
    public String until() {
        return isNow() ? "" : " AND recorded_at <= ?";
    }

    /** The moment as the logs keep and compare it; only for figures as of a moment. */
    public OffsetDateTime moment() {
        if (isNow()) {
            throw new IllegalStateException("the figures as they are now have no moment");
        }
        return RecordedAt.of(asOf);
    }

    /** The query's own arguments, then the moment when there is one. */
    public Object[] arguments(Object... arguments) {
        if (isNow()) {
            return arguments;
        }
        Object[] all = Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = RecordedAt.of(asOf);
        return all;
    }
}
