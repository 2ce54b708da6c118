package nl.kindpakket.ledger.projections.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** A batch's counter changes are summed per row and written once, before the batch commits, and only then. */
class CounterTableTest {

    private static final CounterTable MONTHS =
            new CounterTable("monthly_pass_count", "municipality", "budget_year", "month_no", "slot")
                    .withLog("monthly_pass_count_log");
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private ProjectionDatabase database;
    private JdbcTemplate jdbc;

    @BeforeEach
    void emptyTables() {
        database = ProjectionDatabase.postgres();
        jdbc = database.jdbc();
    }

    @Test
    void a_batch_writes_nothing_until_it_commits_and_then_the_sums_per_row() {
        database.inTransaction(() -> {
            UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
            for (int i = 0; i < 1_000; i++) {
                MONTHS.add(jdbc, List.of("westland", 2019, 1 + i % 3, i % 4), "granted", 1, T.plusMillis(i));
            }
            MONTHS.add(jdbc, List.of("westland", 2019, 1, 0), Map.of("revoked", 2L, "granted", 0L), T);
            assertThat(rows()).as("nothing written while the batch runs").isZero();
            batch.commit();
        });

        assertThat(rows()).as("one row per month and slot touched").isEqualTo(12);
        assertThat(sum("granted", 1)).isEqualTo(334);
        assertThat(sum("granted", 2)).isEqualTo(333);
        assertThat(sum("granted", 3)).isEqualTo(333);
        assertThat(sum("revoked", 1)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monthly_pass_count_log", Integer.class))
                .as("a log row per change, whatever the batch").isEqualTo(1_001);
        assertThat(jdbc.queryForObject("SELECT SUM(granted + revoked) FROM monthly_pass_count_log WHERE month_no = 1 "
                + "AND recorded_at <= ?", Long.class, RecordedAt.of(T))).isEqualTo(3);
    }

    @Test
    void a_second_batch_adds_to_the_rows_the_first_one_made() {
        for (int round = 0; round < 2; round++) {
            database.inTransaction(() -> {
                UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
                MONTHS.add(jdbc, List.of("westland", 2019, 5, 7), "unique_users", 3, T);
                batch.commit();
            });
        }
        assertThat(sum("unique_users", 5)).isEqualTo(6);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void a_batch_rolled_back_leaves_no_change() {
        assertThatThrownBy(() -> database.inTransaction(() -> {
            UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
            MONTHS.add(jdbc, List.of("westland", 2019, 2, 1), "granted", 5, T);
            RuntimeException poisoned = new IllegalStateException("poisoned event");
            batch.rollback(poisoned);
            throw poisoned;
        })).hasMessage("poisoned event");
        database.inTransaction(() -> {
            UnitOfWork<?> next = DefaultUnitOfWork.startAndGet(null);
            next.commit();
        });
        assertThat(rows()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monthly_pass_count_log", Integer.class)).isZero();
    }

    @Test
    void outside_a_unit_of_work_a_change_is_written_at_once() {
        database.inTransaction(() -> {
            MONTHS.add(jdbc, List.of("westland", 2019, 4, 2), "granted", 1, T);
            assertThat(sum("granted", 4)).isEqualTo(1);
        });
    }

    private int rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM monthly_pass_count", Integer.class);
    }

    private long sum(String column, int month) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(" + column + "), 0) FROM monthly_pass_count WHERE month_no = ?",
                Long.class, month);
    }
}
