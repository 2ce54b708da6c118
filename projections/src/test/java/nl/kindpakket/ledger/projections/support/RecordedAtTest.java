package nl.kindpakket.ledger.projections.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

class RecordedAtTest {

    @Test
    void a_moment_is_kept_to_the_microsecond_in_utc() {
        assertThat(RecordedAt.of(Instant.parse("2019-03-31T01:59:59.123456789Z")))
                .isEqualTo(OffsetDateTime.parse("2019-03-31T01:59:59.123456Z"));
        assertThat(RecordedAt.of(Instant.parse("2026-12-04T23:00:00.000000999Z")))
                .isEqualTo(OffsetDateTime.parse("2026-12-04T23:00:00Z"));
    }

    @Test
    void it_agrees_with_the_time_api_before_and_after_1970() {
        for (Instant moment : new Instant[] {Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.EPOCH,
                Instant.parse("1950-06-01T12:00:00.5Z"), Instant.parse("2038-01-19T03:14:08.000001Z")}) {
            assertThat(RecordedAt.of(moment)).as(moment.toString())
                    .isEqualTo(OffsetDateTime.ofInstant(moment.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
        }
    }
}
