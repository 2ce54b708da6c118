package nl.kindpakket.ledger.projections.spending;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import nl.kindpakket.ledger.projections.support.MigratingDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V472 on a line written before it: the log rows of changes a posting tells leave the log, their committed
 * change moves onto the posting, and a log row without its posting stays. The figures as of every moment are those
 * the old log summed, on PostgreSQL and on the embedded H2 alike.
 */
class LineChangesMigrationTest {

    private static final Instant START = Instant.parse("2020-01-06T08:00:00.123456Z");

    @Test
    void postgresql_keeps_every_figure_as_of_every_moment() {
        migrates(MigratingDatabase.postgres("projections_line_changes_migration"));
    }

    @Test
    void h2_keeps_every_figure_as_of_every_moment(@TempDir Path dir) {
        migrates(MigratingDatabase.h2(dir));
    }

    private static void migrates(MigratingDatabase database) {
        JdbcTemplate jdbc = database.migrateTo("471");
        // a redemption from before the journal existed: in the log only
        log(jdbc, 0, Map.of("redeemed_cents", 700L, "committed_cents", -700L));
        log(jdbc, 1, Map.of("available_cents", 100_000L));
        post(jdbc, 1, 1, "allocation", 100_000);
        log(jdbc, 2, Map.of("committed_cents", 25_000L));
        log(jdbc, 3, Map.of("redeemed_cents", 4_000L, "committed_cents", -4_000L));
        post(jdbc, 3, 3, "redemption", 4_000);
        // two redemptions of one amount recorded in the same microsecond, one on a revoked entitlement
        log(jdbc, 4, Map.of("redeemed_cents", 1_000L));
        log(jdbc, 4, Map.of("redeemed_cents", 1_000L, "committed_cents", -1_000L));
        post(jdbc, 4, 4, "redemption", 1_000);
        post(jdbc, 4, 5, "redemption", 1_000);
        log(jdbc, 5, Map.of("reversed_cents", 4_000L, "committed_cents", 4_000L));
        post(jdbc, 5, 6, "reversal", -4_000);
        log(jdbc, 6, Map.of("reserved_cents", 500L));
        log(jdbc, 7, Map.of("expended_cents", 3_000L));
        post(jdbc, 7, 7, "expenditure", 3_000);
        log(jdbc, 8, Map.of("refunded_cents", 2_000L));
        post(jdbc, 8, 8, "refund", 2_000);
        List<List<Long>> before = figuresAtEveryMoment(jdbc, true);

        database.migrateToLatest();

        assertThat(jdbc.queryForList("SELECT recorded_at FROM spending_line_count_log ORDER BY recorded_at",
                OffsetDateTime.class))
                .as("the grant, the hold and the redemption without a posting")
                .containsExactly(moment(0), moment(2), moment(6));
        assertThat(jdbc.queryForList("SELECT committed_cents FROM spending_posting ORDER BY position", Long.class))
                .containsExactly(0L, -4_000L, -1_000L, 0L, 4_000L, 0L, 0L);
        assertThat(figuresAtEveryMoment(jdbc, false)).isEqualTo(before);
        assertThat(before.get(5)).as("as of the reversal: available, committed, spent, refunded, reserved")
                .containsExactly(100_000L, 25_000L - 700 - 4_000 - 1_000 + 4_000, 700L + 4_000 + 2_000 - 4_000, 0L, 0L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables "
                + "WHERE table_schema = CURRENT_SCHEMA AND LOWER(table_name) LIKE 'v472%'", Integer.class)).isZero();
    }

    /** Available, committed, spent, refunded and reserved of line 1 as of each moment: from the old log alone, or now. */
    private static List<List<Long>> figuresAtEveryMoment(JdbcTemplate jdbc, boolean fromTheOldLog) {
        SpendingLineQueries queries = new SpendingLineQueries(jdbc);
        return IntStream.rangeClosed(0, 8).mapToObj(i -> {
            if (fromTheOldLog) {
                return jdbc.queryForObject("SELECT SUM(available_cents), SUM(committed_cents), "
                                + "SUM(redeemed_cents) - SUM(reversed_cents) + SUM(expended_cents), "
                                + "SUM(refunded_cents), SUM(reserved_cents) FROM spending_line_count_log "
                                + "WHERE recorded_at <= ?",
                        (row, n) -> List.of(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
                                row.getLong(5)), moment(i));
            }
            SpendingLineReport.Line line = queries.report("enschede", 2020, moment(i).toInstant()).lines().get(0);
            return List.of(line.availableCents(), line.committedCents(), line.spentCents(), line.refundedCents(),
                    line.reservedCents());
        }).toList();
    }

    private static void log(JdbcTemplate jdbc, int moment, Map<String, Long> changes) {
        Map<String, Long> row = new TreeMap<>(Map.of("available_cents", 0L, "committed_cents", 0L,
                "redeemed_cents", 0L, "reversed_cents", 0L, "expended_cents", 0L, "refunded_cents", 0L,
                "reserved_cents", 0L));
        row.putAll(changes);
        jdbc.update("INSERT INTO spending_line_count_log (municipality, budget_year, code, " + String.join(", ",
                        row.keySet()) + ", recorded_at) VALUES ('enschede', 2020, '1', ?, ?, ?, ?, ?, ?, ?, ?)",
                Stream.concat(row.values().stream(), Stream.of(moment(moment))).toArray());
    }

    private static void post(JdbcTemplate jdbc, int moment, long position, String kind, long amountCents) {
        jdbc.update("INSERT INTO spending_posting (municipality, budget_year, code, position, kind, business_date,"
                        + " amount_cents, recorded_at) VALUES ('enschede', 2020, '1', ?, ?, DATE '2020-02-01', ?, ?)",
                position, kind, amountCents, moment(moment));
    }

    private static OffsetDateTime moment(int i) {
        return OffsetDateTime.ofInstant(START.plusSeconds(i), ZoneOffset.UTC);
    }
}
