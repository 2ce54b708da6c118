package nl.kindpakket.ledger.projections.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A moment of recording as the counter logs store and compare it: to the microsecond, which both PostgreSQL and H2
 * keep exactly, so that an event recorded at T is counted in a report as of T and one recorded after it is not.
 */
public final class RecordedAt {

    private RecordedAt() {
    }

    public static OffsetDateTime of(Instant moment) {
        return OffsetDateTime.ofInstant(moment.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
