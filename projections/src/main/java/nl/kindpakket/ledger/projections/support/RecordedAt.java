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
}
