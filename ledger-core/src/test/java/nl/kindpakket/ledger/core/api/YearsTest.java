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
}
