package nl.kindpakket.ledger.projections.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import nl.kindpakket.ledger.projections.support.ProjectionDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows written with COPY come back as they went in, in the binary format and in the text format alike. */
class CopySinkTest {

    private static final List<String> COLUMNS = List.of("small", "whole", "big", "truth", "code", "note", "day", "moment");

    private final ProjectionDatabase database = ProjectionDatabase.postgres();
    private final JdbcTemplate jdbc = database.jdbc();
    private final String table = "copy_sink_" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void every_column_type_of_the_read_models_comes_back_exactly_from_the_binary_format() throws Exception {
        jdbc.execute("create table " + table + " (small smallint, whole integer, big bigint, truth boolean, code varchar(20),"
                + " note text, day date, moment timestamp with time zone)");
        OffsetDateTime moment = OffsetDateTime.of(2019, 3, 31, 1, 59, 59, 123_456_789, ZoneOffset.ofHours(1));
        OffsetDateTime beforeTheEpoch = OffsetDateTime.of(1999, 12, 31, 23, 0, 0, 1_000, ZoneOffset.UTC);
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            assertThat(BinaryRows.types(connection, table, COLUMNS)).as("binary for these types").isNotNull();
            try (CopySink sink = new CopySink(connection)) {
                sink.append(table, COLUMNS, new Object[] {(short) -2, 2_000_000_000, 9_000_000_000_000L, true, "zorg-1",
                        "tab\there, new\nline, back\\slash, ëü € 𝄞", LocalDate.of(2020, 2, 29), moment});
                sink.append(table, COLUMNS, new Object[] {7, -1, 3, false, "", "", LocalDate.of(1999, 12, 31), beforeTheEpoch});
                sink.append(table, COLUMNS, new Object[] {null, null, null, null, null, null, null, null});
                sink.finish();
            }
            connection.commit();
            connection.setAutoCommit(true);
        }

        assertThat(jdbc.queryForList("select concat_ws('|', coalesce(small::text, 'null'), coalesce(whole::text, 'null'),"
                + " coalesce(big::text, 'null'), coalesce(truth::text, 'null'), coalesce(code, 'null'), coalesce(note, 'null'),"
                + " coalesce(day::text, 'null'), coalesce(to_char(moment at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'), 'null'))"
                + " from " + table + " order by whole nulls last", String.class))
                .containsExactly(
                        "7|-1|3|false|||1999-12-31|1999-12-31 23:00:00.000001",
                        "-2|2000000000|9000000000000|true|zorg-1|tab\there, new\nline, back\\slash, ëü € 𝄞|2020-02-29|2019-03-31 00:59:59.123456",
                        "null|null|null|null|null|null|null|null");
    }

    @Test
    void dates_and_moments_repeated_from_row_to_row_each_come_back_as_written() throws Exception {
        jdbc.execute("create table " + table + " (n integer, day date, moment timestamp with time zone)");
        List<String> columns = List.of("n", "day", "moment");
        LocalDate leapDay = LocalDate.of(2024, 2, 29);
        OffsetDateTime first = OffsetDateTime.of(2025, 1, 1, 7, 0, 0, 0, ZoneOffset.UTC);
        OffsetDateTime sameInstantOtherOffset = OffsetDateTime.of(2025, 1, 1, 8, 0, 0, 0, ZoneOffset.ofHours(1));
        OffsetDateTime later = OffsetDateTime.of(2025, 1, 1, 7, 0, 0, 1_000, ZoneOffset.UTC);
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (CopySink sink = new CopySink(connection)) {
                sink.append(table, columns, new Object[] {1, leapDay, first});
                sink.append(table, columns, new Object[] {2, leapDay, first});
                sink.append(table, columns, new Object[] {3, LocalDate.of(2024, 2, 29), later});
                sink.append(table, columns, new Object[] {4, LocalDate.of(2024, 3, 1), sameInstantOtherOffset});
                sink.append(table, columns, new Object[] {5, null, null});
                sink.append(table, columns, new Object[] {6, leapDay, later});
                sink.finish();
            }
            connection.commit();
            connection.setAutoCommit(true);
        }

        assertThat(jdbc.queryForList("select n || ' ' || coalesce(day::text, 'null') || ' ' || coalesce(to_char(moment at time zone 'UTC',"
                + " 'YYYY-MM-DD HH24:MI:SS.US'), 'null') from " + table + " order by n", String.class))
                .containsExactly(
                        "1 2024-02-29 2025-01-01 07:00:00.000000",
                        "2 2024-02-29 2025-01-01 07:00:00.000000",
                        "3 2024-02-29 2025-01-01 07:00:00.000001",
                        "4 2024-03-01 2025-01-01 07:00:00.000000",
                        "5 null null",
                        "6 2024-02-29 2025-01-01 07:00:00.000001");
    }

    @Test
    void a_table_with_a_decimal_goes_in_the_text_format() throws Exception {
        jdbc.execute("create table " + table + " (task varchar(20), fte numeric(9, 2))");
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            assertThat(BinaryRows.types(connection, table, List.of("task", "fte"))).as("no binary form of numeric here").isNull();
            try (CopySink sink = new CopySink(connection)) {
                sink.append(table, List.of("task", "fte"), new Object[] {"coördinatie", new BigDecimal("1.25")});
                sink.finish();
            }
            connection.commit();
            connection.setAutoCommit(true);
        }

        assertThat(jdbc.queryForList("select task || ' ' || fte from " + table, String.class)).containsExactly("coördinatie 1.25");
    }

    @Test
    void a_value_wider_than_its_column_is_refused_not_cut_and_leaves_no_part_of_its_row() throws Exception {
        jdbc.execute("create table " + table + " (whole integer)");
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (CopySink sink = new CopySink(connection)) {
                assertThatThrownBy(() -> sink.append(table, List.of("whole"), new Object[] {3_000_000_000L}))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range for a column of type integer");
                assertThatThrownBy(() -> sink.append(table, List.of("whole"), new Object[] {"12"}))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type integer takes an integer, not String");
                sink.append(table, List.of("whole"), new Object[] {12});
                sink.finish();
            }
            connection.commit();
            connection.setAutoCommit(true);
        }

        assertThat(jdbc.queryForList("select whole from " + table, Integer.class)).as("a refused row leaves nothing behind").containsExactly(12);
    }
}
