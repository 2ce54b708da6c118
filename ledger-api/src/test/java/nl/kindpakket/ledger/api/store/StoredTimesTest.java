package nl.kindpakket.ledger.api.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredTimesTest {

    private final ObjectMapper storeMapper = new StoreConfiguration().defaultAxonObjectMapper();

    record Moment(Instant at, LocalDate on) {
    }

    record DutchDay(@JsonFormat(pattern = "dd-MM-yyyy") LocalDate on) {
    }

    @Test
    void every_moment_as_axon_and_jackson_write_it_reads_back_as_the_standard_parser_reads_it() {
        SplittableRandom random = new SplittableRandom(20261206);
        for (int n = 0; n < 100_000; n++) {
            Instant moment = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                    n % 4 == 0 ? 0 : n % 4 == 1 ? random.nextInt(1000) * 1_000_000 : random.nextInt(1_000_000_000));
            for (String written : new String[] {DateTimeUtils.formatInstant(moment), moment.toString()}) {
                assertThat(StoredTimes.instantOrNull(written)).as(written).isEqualTo(Instant.parse(written));
            }
            LocalDate day = LocalDate.ofEpochDay(random.nextLong(-719_162, 2_932_896));
            assertThat(StoredTimes.dateOrNull(day.toString())).as(day.toString()).isEqualTo(day);
        }
    }

    @Test
    void a_spelling_other_than_the_stores_own_is_left_to_the_standard_parser() {
        for (String other : new String[] {"2025-01-04t08:03:00Z", "2025-01-04T08:03:00+01:00", "2025-01-04T08:03:00z",
                "2025-01-04T08:03Z", "2025-01-04T24:00:00Z", "2016-12-31T23:59:60Z", "2025-01-04T08:03:00.Z",
                "2025-01-04T08:03:00.1234567890Z", "+12025-01-04T08:03:00Z", "2025-02-30T08:03:00Z", "2025-1-04T08:03:00Z",
                "2025-01-04T08:03:0xZ", "2025-01-04 08:03:00Z", ""}) {
            assertThat(StoredTimes.instantOrNull(other)).as(other).isNull();
        }
        for (String other : new String[] {"2025-02-30", "2025-13-01", "2025-00-10", "2025/01/04", "+2025-01-04", "20250104",
                "2025-01-4", "２０２５-01-04"}) {
            assertThat(StoredTimes.dateOrNull(other)).as(other).isNull();
        }
    }

    @Test
    void the_store_mapper_reads_both_spellings_and_refuses_a_wrong_one_as_before() throws Exception {
        assertThat(storeMapper.readValue("{\"at\":\"2025-01-04T08:03:00.5Z\",\"on\":\"2025-01-04\"}", Moment.class))
                .isEqualTo(new Moment(Instant.parse("2025-01-04T08:03:00.500Z"), LocalDate.of(2025, 1, 4)));
        assertThat(storeMapper.readValue("{\"at\":\"2025-01-04T09:03:00+01:00\",\"on\":null}", Moment.class))
                .isEqualTo(new Moment(Instant.parse("2025-01-04T08:03:00Z"), null));
        assertThat(storeMapper.readValue("{\"at\":1736000000.000000000}", Moment.class).at())
                .isEqualTo(Instant.ofEpochSecond(1_736_000_000L));
        assertThat(storeMapper.readValue("{\"on\":\"04-01-2025\"}", DutchDay.class).on()).isEqualTo(LocalDate.of(2025, 1, 4));
        assertThatThrownBy(() -> storeMapper.readValue("{\"on\":\"2025-01-04\"}", DutchDay.class))
                .isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> storeMapper.readValue("{\"on\":\"2025-02-30\"}", Moment.class))
                .isInstanceOf(InvalidFormatException.class).hasRootCauseInstanceOf(java.time.DateTimeException.class);
        assertThatThrownBy(() -> storeMapper.readValue("{\"at\":\"2025-01-04T25:03:00Z\"}", Moment.class))
                .isInstanceOf(InvalidFormatException.class).hasRootCauseInstanceOf(DateTimeParseException.class);
    }
}
