package nl.kindpakket.ledger.ops.bench;

import java.sql.Connection;

import org.axonframework.serialization.Serializer;

/**
 * Fills the store up to a number of events with past years of the bench municipality ({@link SyntheticYear}),
 * written raw with COPY instead of through commands: an hour of commands takes seconds this way, and the
 * projections read them exactly as they read what the ledger wrote.
 */
final class SyntheticHistory {

    private static final int MAX_CHILDREN_PER_YEAR = 150_000;
    private static final int EVENTS_PER_CHILD = 10;

    private SyntheticHistory() {
    }

    /** What a fill appended, and the earliest year it wrote. */
    record Filled(long events, int earliestYear) {
    }

    /** @return the number of events appended, years going back from {@code latestYear} until the store holds {@code target} */
    static long fill(BenchDatabase db, Serializer serializer, int latestYear, long inStore, long target) throws Exception {
        return fillYears(db, serializer, latestYear, inStore, target).events();
    }

    static Filled fillYears(BenchDatabase db, Serializer serializer, int latestYear, long inStore, long target)
            throws Exception {
        try (Connection connection = db.connect();
             EventCopy out = new EventCopy(connection, serializer)) {
            int year = latestYear;
            while (inStore + out.appended() < target) {
                long missing = target - inStore - out.appended();
                int children = (int) Math.max(1, Math.min(MAX_CHILDREN_PER_YEAR, missing / EVENTS_PER_CHILD));
                new SyntheticYear(out, year, children).write();
                Progress.say("  history of %d: %,d children, %,d events appended so far", year, children, out.appended());
                year--;
            }
            out.flush();
            return new Filled(out.appended(), year + 1);
        }
    }
}
