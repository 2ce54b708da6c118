package nl.kindpakket.ledger.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import nl.kindpakket.ledger.core.api.refusals.InvalidInput;
import org.junit.jupiter.api.Test;

class YearsTest {

    @Test
    void half_past_eleven_utc_on_31_january_is_1_february_in_amsterdam() {
        assertThat(Years.dateOf(Instant.parse("2019-01-31T23:30:00Z"))).isEqualTo(LocalDate.of(2019, 2, 1));
    }

    @Test
    void in_summer_amsterdam_is_two_hours_ahead_of_utc() {
        assertThat(Years.dateOf(Instant.parse("2019-07-31T21:59:00Z"))).isEqualTo(LocalDate.of(2019, 7, 31));
        assertThat(Years.dateOf(Instant.parse("2019-07-31T22:00:00Z"))).isEqualTo(LocalDate.of(2019, 8, 1));
    }

    @Test
    void new_years_eve_late_in_utc_is_already_the_next_year() {
        assertThat(Years.dateOf(Instant.parse("2019-12-31T23:30:00Z"))).isEqualTo(LocalDate.of(2020, 1, 1));
    }

    @Test
    void years_outside_the_ledgers_range_are_refused() {
        assertThat(Years.require("year", 2000)).isEqualTo(2000);
        assertThatThrownBy(() -> Years.require("year", 1999)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Years.require("year", 2101)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Years.requireDate("grantedOn", null)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void moments_at_the_far_ends_of_time_are_refused_as_invalid_not_failed_on() {
        assertThatThrownBy(() -> Years.requireInstant("occurredAt", Instant.MAX))
                .isInstanceOf(InvalidInput.class).hasMessage("occurredAt must be a moment in the years 2000 to 2100");
        assertThatThrownBy(() -> Years.requireInstant("occurredAt", Instant.MIN)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Years.requireInstant("occurredAt", Instant.parse("2101-12-31T23:00:00Z")))
                .isInstanceOf(InvalidInput.class);
        assertThat(Years.requireInstant("occurredAt", Instant.parse("2100-12-31T22:59:59Z")))
                .isEqualTo(Instant.parse("2100-12-31T22:59:59Z"));
        assertThat(Years.requireInstant("occurredAt", Instant.parse("1999-12-31T23:00:00Z")))
                .isEqualTo(Instant.parse("1999-12-31T23:00:00Z"));
    }
}
