package nl.kindpakket.ledger.projections.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A moment of recording as the counter logs store and compare it: to the microsecond, which both PostgreSQL and H2
 * keep exactly, so that an event recorded at T is counted in a report as of T and one recorded after it is not.
 */
public final class RecordedAt {

    private RecordedAt() {
    }

    public static OffsetDateTime of(Instant moment) {
        // not OffsetDateTime.ofInstant: on Java 17 it makes a new ZoneRules (and its map) every time, once per
        // counter change of a rebuild
        return OffsetDateTime.of(LocalDateTime.ofEpochSecond(moment.getEpochSecond(), moment.getNano() / 1_000 * 1_000,
                ZoneOffset.UTC), ZoneOffset.UTC);
    }

    /** The moment in microseconds since 1970-01-01 UTC, as a row that keeps a moment in memory holds it. */
    public static long micros(Instant moment) {
        return Math.addExact(Math.multiplyExact(moment.getEpochSecond(), 1_000_000L), moment.getNano() / 1_000);
    }

    /** The same for a moment read back from a column. */
    public static long micros(OffsetDateTime moment) {
        return Math.addExact(Math.multiplyExact(moment.toEpochSecond(), 1_000_000L), moment.getNano() / 1_000);
    }

    /** The moment of {@link #micros}, as the columns keep it. */
    public static OffsetDateTime ofMicros(long micros) {
        return OffsetDateTime.of(LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1_000, ZoneOffset.UTC), ZoneOffset.UTC);
    }
}
